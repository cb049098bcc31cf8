// Idempotent storage writes across retries: before writing, the versions already stored under the recording's
// object key (each tagged with the SHA-256 and size of the bytes that went in) are compared with the vendor's
// bytes, hashed on the way through without writing. The same bytes → that version is reused (and verified
// again by the caller), never written twice under WORM. Other bytes → a new version is written and the old
// ones are reported as extra. Costs one listing per archive, and a second download only on a retry that
// finds something stored. A version without the checksum tags (its writer died between completing the
// upload and tagging it) is hashed from its stored bytes instead of being ignored: ignoring it would write the
// same recording a second time under WORM.
import { GetObjectTaggingCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { ArchiveError } from '@/lib/queue/archive-error';
import { HashingStream } from '@/lib/archive/hashing-stream';
import { verifyStoredObject } from '@/lib/archive/verify-stored-object';
import { watchIdleDownload } from '@/lib/archive/watch-idle-download';
import type { TMediaDownload } from '@/lib/vendors/types';

export type TStoredCandidate = {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  sizeBytes: number;
  /** 'tag': recorded by the writer once its upload completed; 'stored bytes': hashed now (the writer never tagged it). */
  checksumFrom: 'tag' | 'stored bytes';
};

export async function storedCandidates(s3: S3Client, bucket: string, key: string): Promise<TStoredCandidate[]> {
  const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  const out: TStoredCandidate[] = [];
  for (const v of listed.Versions ?? []) {
    if (v.Key !== key || !v.VersionId) continue;
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: v.VersionId }));
    const sha256 = tags.TagSet?.find((t) => t.Key === 'sha256')?.Value;
    const size = Number(tags.TagSet?.find((t) => t.Key === 'size')?.Value ?? v.Size ?? NaN);
    if (sha256 && Number.isFinite(size)) out.push({ bucket, key, versionId: v.VersionId, sha256, sizeBytes: size, checksumFrom: 'tag' });
    else {
      // Hashed from the same read-back the verification step does.
      const read = await verifyStoredObject(s3, { bucket, key, versionId: v.VersionId });
      out.push({ bucket, key, versionId: v.VersionId, sha256: read.sha256, sizeBytes: read.sizeBytes, checksumFrom: 'stored bytes' });
    }
  }
  return out;
}

/** SHA-256 and size of the vendor's media, read once and discarded (constant memory). */
export async function hashDownload(download: TMediaDownload): Promise<{ sha256: string; sizeBytes: number }> {
  const hasher = new HashingStream(download.contentLength);
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const stopWatch = watchIdleDownload(download.stream);
  try {
    await pipeline(download.stream, hasher, sink);
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError('retryable', 'short_stream', `Download broke off: ${(e as Error).message}`, {
      bytesReceived: hasher.byteCount,
      contentLength: download.contentLength,
    });
  } finally {
    stopWatch();
  }
  return { sha256: hasher.sha256, sizeBytes: hasher.byteCount };
}
