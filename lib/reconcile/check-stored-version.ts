// Storage side of a match: the exact version the Recording row names must still exist with the recorded size,
// and its sha256 tag (written after upload) must agree with the row. The row and the audit trail hold the
// authoritative checksum; a missing tag is noted, not called a mismatch.
import { GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export type TStoredRef = {
  storageBucket: string | null;
  storageKey: string | null;
  storageVersionId: string | null;
  sizeBytes: bigint | null;
  checksumSha256: string | null;
};

/** null when the stored version agrees with the row; otherwise why it does not. */
export async function checkStoredVersion(s3: S3Client, r: TStoredRef): Promise<string | null> {
  if (!r.storageBucket || !r.storageKey || !r.storageVersionId) return 'archived without a stored version reference';
  const ref = { Bucket: r.storageBucket, Key: r.storageKey, VersionId: r.storageVersionId };
  try {
    const head = await s3.send(new HeadObjectCommand(ref));
    if (r.sizeBytes !== null && BigInt(head.ContentLength ?? -1) !== r.sizeBytes) {
      return `stored version is ${head.ContentLength} bytes, the archive recorded ${r.sizeBytes}`;
    }
    const tags = await s3.send(new GetObjectTaggingCommand(ref));
    const tagged = tags.TagSet?.find((t) => t.Key === 'sha256')?.Value;
    if (tagged && r.checksumSha256 && tagged !== r.checksumSha256)
      return `stored version is tagged sha256 ${tagged}, the archive recorded ${r.checksumSha256}`;
    return null;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return `stored version ${r.storageVersionId} of ${r.storageKey} not found`;
    throw error;
  }
}
