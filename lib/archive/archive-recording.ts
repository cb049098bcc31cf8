// The archive pipeline for one recording (the flow drawn in README.md): claim → metadata → residency → transfer →
// verify → duration → commit. Every step is audited under the recording's idempotency key. A retryable
// failure releases the claim and rethrows (BullMQ backs off); a quarantine is a successful, explicit outcome.
import { ArchiveError, isPermanentFailure } from '@/lib/queue/archive-error';
import { ARCHIVE_ACTOR, auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import { commitArchiveOutcome, type TCommitResult } from '@/lib/archive/commit-archive-outcome';
import { markRecordingUnsettled } from '@/lib/archive/mark-recording-unsettled';
import { recordingRegion } from '@/lib/archive/recording-region';
import { markRefetchRunning } from '@/lib/quarantine/mark-refetch-running';
import { storeAndVerify, type TStoreResult } from '@/lib/archive/store-and-verify';
import { storeRawPayload } from '@/lib/archive/store-raw-payload';
import type { TArchiveContext, TArchiveOutcome } from '@/lib/archive/types';
import { db } from '@/lib/db';
import { claimRecording, completeClaim, releaseClaim, type TClaimOwner, type TClaimResult } from '@/lib/ingest/claim-recording';
import { markRecordingSettled } from '@/lib/ingest/is-recording-settled';
import { logger } from '@/lib/logger';
import { generatePeaks } from '@/lib/media/peaks-generate';
import { idempotencyKey, type TArchiveJob } from '@/lib/queue/contracts';
import { errorClassOf } from '@/lib/queue/retry-schedule';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';
import { holdNewVersion } from '@/lib/archive/hold-new-version';
import { vendorAccount } from '@/lib/vendors/accounts';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';

export type { TArchiveContext, TArchiveOutcome } from '@/lib/archive/types';

const CHECKSUM_ATTEMPTS = 3;

type TRun = { job: TArchiveJob; key: string; ctx: TArchiveContext; attemptId: string };

async function acknowledgeDuplicate(
  job: TArchiveJob,
  key: string,
  ctx: TArchiveContext,
  reason: string,
  recordingId: string | null,
): Promise<TArchiveOutcome> {
  const now = new Date();
  await db().ingestAttempt.create({
    data: {
      idempotencyKey: key,
      recordingId,
      jobId: ctx.jobId,
      attemptNumber: ctx.attempt,
      outcome: 'DUPLICATE',
      startedAt: now,
      finishedAt: now,
    },
  });
  await auditArchiveEvent(key, 'ingest.duplicate', { reason, jobId: ctx.jobId, source: job.source, recordingId });
  return { status: 'DUPLICATE', recordingId };
}

async function settledRecording(job: TArchiveJob): Promise<string | null> {
  const where = { vendorSource_vendorRecordingId: { vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId } };
  const row = await db().recording.findUnique({ where, select: { id: true, status: true } });
  return row && (row.status === 'ARCHIVED' || row.status === 'QUARANTINED') ? row.id : null;
}

async function recordFailure(job: TArchiveJob, key: string, attemptId: string, error: unknown): Promise<void> {
  const e = error as Error & { code?: unknown; details?: unknown };
  const code = typeof e?.code === 'string' ? e.code : null;
  const message = (e?.message ?? String(error)).slice(0, 500);
  const retryable = !isPermanentFailure(error);
  await db().ingestAttempt.update({
    where: { id: attemptId },
    data: { outcome: 'FAILED', errorCode: code, errorMessage: message, finishedAt: new Date() },
  });
  const details = error instanceof ArchiveError ? error.details : undefined;
  await auditArchiveEvent(key, 'archive.failed', {
    errorClass: e?.name ?? 'Error',
    retryClass: errorClassOf(error),
    code,
    message,
    retryable,
    ...details,
  });
  // Visible in search while the retries run; the dead letter turns it FAILED if they run out.
  if (retryable) {
    const reason = `${errorClassOf(error)}: ${message}`;
    await markRecordingUnsettled({
      vendorSource: job.vendorSource,
      vendorRecordingId: job.vendorRecordingId,
      vendorAccountId: job.vendorAccountId,
      interactionId: job.interactionId,
      status: 'RETRYING',
      reason,
    });
  }
}

async function runPipeline({ job, key, ctx, attemptId }: TRun): Promise<TCommitResult> {
  const client = ctx.client ?? createVendorClient(vendorAccount(job.vendorAccountId));
  const account = client.account;
  const raw = await client.fetchMetadata({ vendorRecordingId: job.vendorRecordingId, interactionId: job.interactionId });
  const payload = await storeRawPayload(job.vendorSource, job.vendorRecordingId, raw);
  const normalized = normalizeMetadata(job.vendorSource, raw, account);
  const base = { job, key, attemptId, account, rawPayloadId: payload.id };
  if (!normalized.ok) {
    const evidence = {
      problems: normalized.problems,
      rawPayloadId: payload.id,
      rawPayloadSha256: payload.sha256,
      schemaVersion: raw.schemaVersion,
    };
    return commitArchiveOutcome({
      ...base,
      record: normalized.partial,
      region: account.residencyRegion,
      media: null,
      measuredDurationSeconds: null,
      quarantine: { reason: 'INVALID_METADATA', evidence },
    });
  }
  const record = normalized.record;
  const residency = recordingRegion(account, record);
  if (!residency.ok) {
    return commitArchiveOutcome({
      ...base,
      record,
      region: residency.region,
      media: null,
      measuredDurationSeconds: null,
      quarantine: { reason: 'RESIDENCY_VIOLATION', evidence: residency.evidence },
    });
  }
  const existing = await db().recording.findFirst({
    where: { vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId },
    select: { legalHold: true },
  });
  const legalHold = existing?.legalHold ?? false;
  const s3 = ctx.s3 ?? defaultS3();
  // A read-back mismatch is retried a few times (a transient fault of the path), then quarantined as evidence.
  const lastAttempt = ctx.attempt >= Math.min(ctx.maxAttempts ?? CHECKSUM_ATTEMPTS, CHECKSUM_ATTEMPTS);
  let stored: TStoreResult;
  try {
    stored = await storeAndVerify({ job, key, attemptId, record, region: residency.region, legalHold, lastAttempt, client, s3 });
  } catch (e) {
    if (!(e instanceof ArchiveError && e.code === 'residency_violation')) throw e;
    stored = { media: null, measuredDurationSeconds: null, quarantine: { reason: 'RESIDENCY_VIOLATION', evidence: e.details ?? {} } };
  }
  const outcome = await commitArchiveOutcome({ ...base, record, region: residency.region, ...stored });
  // A hold placed while we were transferring did not see this version: extend it now (after the commit,
  // so a failure here must not turn a committed archive into a retry; the version is locked regardless).
  if (outcome.legalHold && stored.media && !legalHold)
    await holdNewVersion(s3, key, stored.media).catch((e: unknown) =>
      logger.error({ err: e, key }, 'could not extend the legal hold to the new version'),
    );
  // Waveform peaks next to the stored media; never fails the archive (a failure is audited for the backfill).
  if (stored.media && outcome.status !== 'DUPLICATE')
    await generatePeaks({ s3, subjectId: key, actorId: ARCHIVE_ACTOR, source: stored.media });
  return outcome;
}

async function attemptArchive(job: TArchiveJob, key: string, ctx: TArchiveContext): Promise<TArchiveOutcome> {
  const settledId = job.source === 'REFETCH' ? null : await settledRecording(job);
  if (settledId) return acknowledgeDuplicate(job, key, ctx, 'already_archived', settledId);
  const attempt = await db().ingestAttempt.create({
    data: { idempotencyKey: key, jobId: ctx.jobId, attemptNumber: ctx.attempt, outcome: 'STARTED' },
    select: { id: true },
  });
  await auditArchiveEvent(key, 'archive.attempt_started', {
    jobId: ctx.jobId,
    attempt: ctx.attempt,
    source: job.source,
    quarantineCaseId: job.quarantineCaseId ?? null,
  });
  if (job.source === 'REFETCH' && job.quarantineCaseId) await markRefetchRunning(job.quarantineCaseId);
  try {
    const result = await runPipeline({ job, key, ctx, attemptId: attempt.id });
    return { status: result.status, recordingId: result.recordingId };
  } catch (error) {
    await recordFailure(job, key, attempt.id, error).catch((e: unknown) =>
      logger.error({ err: e, key }, 'could not record archive failure'),
    );
    throw error;
  }
}

// The previous owner stopped without finishing (killed, or lost its lock): its attempt rows would stay
// STARTED forever; they are closed as abandoned, and the takeover is logged at warn level and audited.
async function recordTakeover(job: TArchiveJob, key: string, ctx: TArchiveContext, previousOwnerJobId: string): Promise<void> {
  logger.warn({ key, jobId: ctx.jobId, previousOwnerJobId, source: job.source }, 'claim of a dead owner taken over');
  const abandoned = await db().ingestAttempt.updateMany({
    where: { idempotencyKey: key, outcome: 'STARTED' },
    data: {
      outcome: 'FAILED',
      errorCode: 'abandoned',
      errorMessage: `owner job ${previousOwnerJobId} stopped without finishing (worker died or lost its lock)`,
      finishedAt: new Date(),
    },
  });
  await auditArchiveEvent(key, 'archive.claim_taken_over', { jobId: ctx.jobId, previousOwnerJobId, abandonedAttempts: abandoned.count });
}

async function claim(job: TArchiveJob, key: string, owner: TClaimOwner): Promise<TClaimResult> {
  return claimRecording(key, owner, job.source === 'REFETCH' ? { force: true } : {});
}

export async function archiveRecording(job: TArchiveJob, ctx: TArchiveContext): Promise<TArchiveOutcome> {
  const key = idempotencyKey(job.vendorSource, job.vendorRecordingId);
  const owner = ctx.owner ?? { jobId: ctx.jobId, lockKey: null, token: null };
  const claimed = await claim(job, key, owner);
  // A live owner is settling this recording right now; only then is this job a duplicate of work in progress.
  if (claimed.state === 'processing') return acknowledgeDuplicate(job, key, ctx, `claim_processing by ${claimed.ownerJobId}`, null);
  if (claimed.state === 'completed') return acknowledgeDuplicate(job, key, ctx, 'claim_completed', null);
  let outcome: TArchiveOutcome;
  try {
    if (claimed.state === 'taken_over') await recordTakeover(job, key, ctx, claimed.previousOwnerJobId);
    outcome = await attemptArchive(job, key, ctx);
  } catch (error) {
    // Anything that did not settle the recording frees it for the retry.
    await releaseClaim(key, owner).catch((e: unknown) => logger.warn({ err: e, key }, 'could not release claim'));
    throw error;
  }
  await completeClaim(key);
  // Committed ARCHIVED/QUARANTINED (or found so): later deliveries are known duplicates without a Postgres read.
  if (outcome.status !== 'DUPLICATE' || outcome.recordingId) await markRecordingSettled(job.vendorSource, job.vendorRecordingId);
  return outcome;
}
