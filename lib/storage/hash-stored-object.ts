// SHA-256 and size of a stored object version, streamed in constant memory (read-back verification).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export async function hashStoredObject(
  s3: S3Client,
  ref: { bucket: string; key: string; versionId: string },
): Promise<{ sha256: string; bytes: number }> {
  const object = await s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key, VersionId: ref.versionId }));
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of object.Body as Readable) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
