// Storage side of legal holds (S3 Object Lock legal hold), version by version. A hold covers every stored
// version of a recording's key: the current one and any earlier version a re-fetch left behind (WORM keeps them).
import {
  GetObjectLegalHoldCommand,
  ListObjectVersionsCommand,
  PutObjectLegalHoldCommand,
  type ObjectLockLegalHoldStatus,
  type S3Client,
} from '@aws-sdk/client-s3';
import { storageWriteLimiter } from '@/lib/storage/storage-write-limiter';

export async function listKeyVersions(s3: S3Client, bucket: string, key: string): Promise<string[]> {
  const versions: string[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
    );
    // Prefix also matches longer keys (".../rec-1.wav" vs ".../rec-1.wav.bak"): keep the exact key only.
    for (const v of page.Versions ?? []) if (v.Key === key && v.VersionId) versions.push(v.VersionId);
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
  return versions;
}

export async function setObjectLegalHold(
  s3: S3Client,
  object: { bucket: string; key: string; versionId: string },
  status: ObjectLockLegalHoldStatus,
): Promise<void> {
  await storageWriteLimiter().take();
  await s3.send(
    new PutObjectLegalHoldCommand({ Bucket: object.bucket, Key: object.key, VersionId: object.versionId, LegalHold: { Status: status } }),
  );
}

/** Versions of the key whose legal hold is ON right now (a store without a hold record answers an error: OFF). */
export async function heldVersions(s3: S3Client, bucket: string, key: string): Promise<string[]> {
  const held: string[] = [];
  for (const versionId of await listKeyVersions(s3, bucket, key)) {
    const status = await s3
      .send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: key, VersionId: versionId }))
      .then((r) => r.LegalHold?.Status)
      .catch(() => undefined);
    if (status === 'ON') held.push(versionId);
  }
  return held;
}

/** Sets the status on every version of the key; returns the version ids it set. Stops at the first failure. */
export async function setLegalHoldOnVersions(
  s3: S3Client,
  bucket: string,
  key: string,
  status: ObjectLockLegalHoldStatus,
): Promise<string[]> {
  const versions = await listKeyVersions(s3, bucket, key);
  for (const versionId of versions) await setObjectLegalHold(s3, { bucket, key, versionId }, status);
  return versions;
}
