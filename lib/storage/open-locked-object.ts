// Opens a finished artifact (an audit export, an evidence package) for download, streamed from its
// Object-Locked version, so any console instance can serve it. `beforeFirstByte` runs once the object is
// open and before the stream is handed out (the download's audit entry): if it fails, the stream is closed
// and nothing leaves.
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { AppError } from '@/lib/http/app-error';
import { isMissingObject } from '@/lib/storage/is-missing-object';
import { s3 } from '@/lib/storage/s3-client';

export type TLockedObjectRow = {
  status: string;
  bucket: string | null;
  objectKey: string | null;
  versionId: string | null;
  sizeBytes: bigint | number | null;
  retainUntil: Date | null;
};

/** label names the artifact in messages ("Audit export"); renew says what to do once it is no longer kept. */
export type TOpenLockedObject = {
  label: string;
  renew: string;
  beforeFirstByte?: (opened: { size: number; versionId: string }) => Promise<unknown>;
};

export async function openLockedObject(row: TLockedObjectRow, opts: TOpenLockedObject): Promise<{ stream: Readable; size: number }> {
  if (row.status !== 'completed' || !row.bucket || !row.objectKey || !row.versionId)
    throw new AppError('conflict', `${opts.label} is not ready (status: ${row.status})`);
  const versionId = row.versionId;
  const object = await s3()
    .send(new GetObjectCommand({ Bucket: row.bucket, Key: row.objectKey, VersionId: versionId }))
    .catch((error: unknown) => {
      if (isMissingObject(error))
        throw new AppError(
          'not_found',
          `${opts.label} file is no longer kept (retained until ${row.retainUntil?.toISOString() ?? 'unknown'}); ${opts.renew}`,
        );
      throw error;
    });
  const stream = object.Body as Readable;
  const size = Number(object.ContentLength ?? row.sizeBytes ?? 0);
  try {
    await opts.beforeFirstByte?.({ size, versionId });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stream, size };
}
