// Step 5 + 6 of the flow in one read: GetObject the exact stored version, hash and count it, and feed the
// same bytes to the media probe. What we compare against is what the transfer computed on the way in.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ArchiveError } from '@/lib/queue/archive-error';
import { createDurationProbe } from '@/lib/media/duration-probe';
import type { TMediaMeasurement } from '@/lib/media/types';

export type TStoredObjectCheck = { sha256: string; sizeBytes: number; duration: TMediaMeasurement };

export async function verifyStoredObject(
  s3: S3Client,
  object: { bucket: string; key: string; versionId: string },
): Promise<TStoredObjectCheck> {
  let body: Readable;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key, VersionId: object.versionId }));
    body = res.Body as Readable;
  } catch (e) {
    throw new ArchiveError('retryable', 'download_failed', `Read-back of the stored version failed: ${(e as Error).message}`, {
      ...object,
    });
  }
  const hash = createHash('sha256');
  const probe = createDurationProbe();
  let bytes = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      await probe.feed(chunk);
    }
  } catch (e) {
    probe.abort();
    body.destroy();
    throw new ArchiveError('retryable', 'download_failed', `Read-back of the stored version broke off: ${(e as Error).message}`, {
      ...object,
      bytes,
    });
  }
  probe.end();
  return { sha256: hash.digest('hex'), sizeBytes: bytes, duration: await probe.result };
}
