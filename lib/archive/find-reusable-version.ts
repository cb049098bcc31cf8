// Idempotent storage writes across retries: before writing, the versions already stored under the recording's
// object key (each tagged with the SHA-256 and size of the bytes that went in) are compared with the vendor's
// bytes, hashed on the way through without writing. The same bytes → that version is reused (and verified
// again by the caller), never written twice under WORM. Other bytes → a new version is written and the old
// ones are reported as extra. Costs one listing per archive, and a second download only on a retry that
// finds something stored. A version without the checksum tags (its writer died between completing the
// upload and tagging it) is hashed from its stored bytes instead of being ignored: ignoring it would write the
// same recording a second time under WORM.
import { GetObjectCommand, GetObjectTaggingCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { pipeline } from 'node:stream/promises';
import { type Readable, Writable } from 'node:stream';
import { ArchiveError } from '@/lib/queue/archive-error';
import { HashingStream } from '@/lib/archive/hashing-stream';
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
    else
      out.push({
        bucket,
        key,
        versionId: v.VersionId,
        ...(await hashStoredVersion(s3, bucket, key, v.VersionId)),
        checksumFrom: 'stored bytes',
      });
  }
  return out;
}

/** SHA-256 and size of a stored version's bytes, streamed (constant memory). */
async function hashStoredVersion(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string,
): Promise<{ sha256: string; sizeBytes: number }> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  const hasher = new HashingStream(null);
  await pipeline(got.Body as Readable, hasher, new Writable({ write: (_chunk, _enc, done) => done() }));
  return { sha256: hasher.sha256, sizeBytes: hasher.byteCount };
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
