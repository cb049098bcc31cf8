// Asks S3 for a recording version's storage class and restore status (see restore-state.ts).
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '@/lib/http/app-error';
import { restoreState, type TRestoreState } from '@/lib/storage/restore-state';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export type TStoredVersion = { storageBucket: string; storageKey: string; storageVersionId: string };

export async function readRestoreState(v: TStoredVersion, s3: S3Client = defaultS3()): Promise<TRestoreState> {
  let head;
  try {
    head = await s3.send(new HeadObjectCommand({ Bucket: v.storageBucket, Key: v.storageKey, VersionId: v.storageVersionId }));
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      throw new AppError('not_found', 'The stored version of this recording was not found in storage');
    }
    throw error;
  }
  return restoreState(head);
}
