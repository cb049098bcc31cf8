// Peaks of one stored media version, written next to it: a sibling key per version, Object-Locked in
// COMPLIANCE mode until the media's own retain-until and tagged with its retention policy, so the bucket's
// lifecycle treats both alike. An existing peaks object is kept as it is (written once, never overwritten).
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { confirmObjectLock } from '@/lib/storage/confirm-object-lock';
import { putLockedAuditObject } from '@/lib/audit/put-locked-audit-object';
import { env } from '@/lib/env';
import { computePeaks, type TComputePeaksOptions } from '@/lib/media/peaks-compute';
import { peaksObjectKey } from '@/lib/media/peaks-format';
import { retentionTag } from '@/lib/retention/retention-tag';
import { isMissingObject } from '@/lib/storage/is-missing-object';

export type TPeaksSource = { bucket: string; key: string; versionId: string; retainUntil: Date; retentionPolicyId: string | null };

export type TStoredPeaks = {
  bucket: string;
  key: string;
  versionId: string | null;
  sizeBytes: number;
  /** Null for peaks found already stored (not re-read). */ channels: number | null;
  created: boolean;
};

async function existingPeaks(s3: S3Client, bucket: string, key: string): Promise<TStoredPeaks | null> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { bucket, key, versionId: head.VersionId ?? null, sizeBytes: Number(head.ContentLength ?? 0), channels: null, created: false };
  } catch (e) {
    if (isMissingObject(e)) return null;
    throw e;
  }
}

export async function storePeaks(s3: S3Client, source: TPeaksSource, opts: TComputePeaksOptions = {}): Promise<TStoredPeaks> {
  const key = peaksObjectKey(source.key, source.versionId);
  const existing = await existingPeaks(s3, source.bucket, key);
  if (existing) return existing;
  const object = await s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: source.key, VersionId: source.versionId }));
  const peaks = await computePeaks(object.Body as Readable, opts);
  const body = Buffer.from(JSON.stringify(peaks));
  const tag = retentionTag(source.retentionPolicyId);
  const tagging = `${encodeURIComponent(tag.Key)}=${encodeURIComponent(tag.Value)}`;
  const versionId = await putLockedAuditObject(
    s3,
    { bucket: source.bucket, key, body, contentType: 'application/json', retainUntil: source.retainUntil, tagging },
    env(),
  );
  if (versionId) await confirmObjectLock(s3, { bucket: source.bucket, key, versionId }, source.retainUntil);
  return { bucket: source.bucket, key, versionId, sizeBytes: body.length, channels: peaks.channels, created: true };
}
