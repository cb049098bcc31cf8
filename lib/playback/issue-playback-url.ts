// A short-lived presigned GET for the exact stored version of a recording, issued only with a stated
// reason and only after the audit entry (user, recording, reason, expiry) is committed.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { clientInfo } from '@/lib/telemetry/request-context';
import type { TPlaybackGrant } from '@/lib/playback/playback-request';
import { idempotencyKey } from '@/lib/queue/contracts';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';
import { assertPlayableNow } from '@/lib/playback/assert-playable-now';
import { createS3Client } from '@/lib/storage/s3-client';
import { isUuid } from '@/lib/http/uuid-param';

const CONTENT_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
};

const globalForPresign = globalThis as unknown as { presignS3?: S3Client };

/** Signs with the endpoint browsers can reach (S3_PUBLIC_ENDPOINT), which may differ from the internal one. */
function presignClient(): S3Client {
  const config = env();
  globalForPresign.presignS3 ??= createS3Client({ ...config, S3_ENDPOINT: config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT });
  return globalForPresign.presignS3;
}

type TPlayer = TUserRef & { regions?: readonly string[] };

/** The recording, if this user may play it (role and regions) and it has stored media (also gates cold-storage retrieval). */
export async function loadPlayable(recordingId: string, user: TPlayer) {
  if (!isUuid(recordingId)) throw new AppError('not_found', 'Recording not found');
  const r = await db().recording.findUnique({ where: { id: recordingId }, include: { _count: { select: { quarantineCases: true } } } });
  if (!r) throw new AppError('not_found', 'Recording not found');
  // Reviewers listen to what they review: recordings with a quarantine case, nothing else.
  const allowed = can(user.role, 'recordings.play') || (can(user.role, 'quarantine.play') && r._count.quarantineCases > 0);
  if (!allowed) throw new AppError('forbidden', 'Your role may not play this recording');
  assertRegionAccess(user.regions, r.dataResidencyRegion);
  if (!r.storageBucket || !r.storageKey || !r.storageVersionId)
    throw new AppError('conflict', 'This recording has no stored media to play');
  return { ...r, storageBucket: r.storageBucket, storageKey: r.storageKey, storageVersionId: r.storageVersionId };
}

export async function issuePlaybackUrl(input: { recordingId: string; reason: string; user: TPlayer }): Promise<TPlaybackGrant> {
  const r = await loadPlayable(input.recordingId, input.user);
  await assertPlayableNow(r);
  const ttl = Math.min(env().PLAYBACK_URL_TTL_SECONDS, 300);
  const expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
  const contentType = CONTENT_TYPES[r.mediaFormat ?? ''] ?? 'application/octet-stream';
  await appendAuditEntry({
    actorType: 'user',
    actorId: input.user.id,
    action: 'playback.issued',
    subjectType: 'recording',
    subjectId: idempotencyKey(r.vendorSource, r.vendorRecordingId),
    details: { user: input.user.email, recordingId: r.id, reason: input.reason, expiresAt, versionId: r.storageVersionId, ...clientInfo() },
  });
  const command = new GetObjectCommand({
    Bucket: r.storageBucket,
    Key: r.storageKey,
    VersionId: r.storageVersionId,
    ResponseContentType: contentType,
  });
  const url = await getSignedUrl(presignClient(), command, { expiresIn: ttl });
  return { url, expiresAt, mediaFormat: r.mediaFormat, contentType, sizeBytes: r.sizeBytes?.toString() ?? null };
}
