// Stores an export bundle, as it is produced, in the audit bucket under Object Lock COMPLIANCE until its
// stated retention, then proves the stored version: its lock, and its bytes read back and hashed. The upload
// is multipart in bounded memory; an upload that fails is aborted (no half-written object is referenced).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { confirmObjectLock } from '@/lib/storage/confirm-object-lock';
import { env } from '@/lib/env';
import { EXPORTS_PREFIX } from '@/lib/storage/lifecycle-rules';

export type TStoredExport = { bucket: string; key: string; versionId: string; retainUntil: Date };

export function auditExportKey(exportId: string): string {
  return `${EXPORTS_PREFIX}${exportId}.cvaudit.jsonl`;
}

async function versionOf(s3: S3Client, bucket: string, key: string, writeId: string, returned: string | undefined): Promise<string> {
  if (returned) return returned;
  // RGW answers a completed multipart upload without VersionId: read it, and make sure it is this write's.
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  if (!head.VersionId || head.Metadata?.['write-id'] !== writeId) throw new Error(`export ${key}: could not identify the stored version`);
  return head.VersionId;
}

/** key and contentType default to an audit bundle's; evidence packages name their own. */
export async function storeAuditExport(
  s3: S3Client,
  target: { bucket: string; exportId: string; retainUntil: Date; key?: string; contentType?: string },
  body: Readable,
): Promise<TStoredExport> {
  const key = target.key ?? auditExportKey(target.exportId);
  const writeId = randomUUID();
  const upload = new Upload({
    client: s3,
    queueSize: 2,
    partSize: 8 * 1024 * 1024,
    leavePartsOnError: false,
    params: {
      Bucket: target.bucket,
      Key: key,
      Body: body,
      ContentType: target.contentType ?? 'application/x-ndjson',
      Metadata: { 'export-id': target.exportId, 'write-id': writeId },
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: target.retainUntil,
      ...(env().S3_CHECKSUM_SUPPORTED ? { ChecksumAlgorithm: 'SHA256' as const } : {}),
    },
  });
  const done = await upload.done();
  const versionId = await versionOf(s3, target.bucket, key, writeId, done.VersionId);
  // Stores that apply the bucket default to multipart writes lock longer; a shorter lock is extended.
  const retainUntil = await confirmObjectLock(s3, { bucket: target.bucket, key, versionId }, target.retainUntil);
  return { bucket: target.bucket, key, versionId, retainUntil };
}
