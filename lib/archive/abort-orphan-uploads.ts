// Incomplete multipart uploads hold their parts (and their cost) forever unless aborted. Two callers:
// the archive pipeline, for the exact object key it is about to write (it holds the recording's claim, so any
// upload already in progress on that key belongs to an attempt that died), and the periodic uploads sweep,
// for every upload older than the longest possible transfer.
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';

export type TAbortedUpload = { bucket: string; key: string; uploadId: string; initiated: string | null };

export async function abortOrphanUploads(
  s3: S3Client,
  bucket: string,
  opts: { key?: string; prefix?: string; initiatedBefore: Date },
): Promise<TAbortedUpload[]> {
  const aborted: TAbortedUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        Prefix: opts.key ?? opts.prefix,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    );
    for (const u of page.Uploads ?? []) {
      if (!u.Key || !u.UploadId) continue;
      if (opts.key !== undefined && u.Key !== opts.key) continue;
      if (u.Initiated && u.Initiated >= opts.initiatedBefore) continue;
      await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
      aborted.push({ bucket, key: u.Key, uploadId: u.UploadId, initiated: u.Initiated?.toISOString() ?? null });
    }
    if (!page.IsTruncated) return aborted;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
  }
}
