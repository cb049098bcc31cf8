// The deadline sweep: Postgres is the durable record of every accepted delivery, Redis only of the work in
// flight. Any recording delivery received more than `deadlineMinutes` ago that is not ARCHIVED/QUARANTINED,
// and any interaction event not yet resolved, with no open dead letter (the dead-letter re-drive owns those)
// and no job waiting/active/delayed, is re-driven (source SWEEP, audited). This also recovers everything a
// Redis flush or a lost job dropped: the job ids recorded on the events are simply gone, which reads as
// "no job". Whether the subject settled is checked again at the moment of re-driving, not only in the query.
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { LIVE_JOB_STATES } from '@/lib/ingest/accept-delivery';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { enqueueInteractionJob } from '@/lib/ingest/enqueue-interaction-job';
import { JOBS } from '@/lib/queue/contracts';
import { archiveQueue, resolveQueue } from '@/lib/queue/queues';
import { withRedis } from '@/lib/queue/with-redis';
import type { Queue } from 'bullmq';
import { vendorAccounts } from '@/lib/vendors/accounts';
import { VENDOR_SLUG, type TVendor } from '@/lib/vendors/types';

export type TSweepResult = { candidates: number; redriven: number; inFlight: number; settledMeanwhile: number };

type TCandidate = {
  kind: 'RECORDING' | 'INTERACTION';
  idempotencyKey: string;
  vendor: string;
  vendorRecordingId: string | null;
  vendorAccountId: string | null;
  interactionId: string | null;
  interactionDate: string | null;
  eventType: string;
  vendorEventId: string | null;
  jobIds: string[] | null;
  firstReceivedAt: Date;
};

const VENDOR_BY_SLUG = Object.fromEntries(Object.entries(VENDOR_SLUG).map(([vendor, slug]) => [slug, vendor as TVendor]));

async function findCandidates(cutoff: Date, lookback: Date, limit: number, accountIds: string[]): Promise<TCandidate[]> {
  return db().$queryRaw<TCandidate[]>(Prisma.sql`
    SELECT e.kind::text AS kind, e."idempotencyKey", e."vendorSource"::text AS vendor, e."vendorRecordingId",
      (array_agg(e."vendorAccountId") FILTER (WHERE e."vendorAccountId" IS NOT NULL))[1] AS "vendorAccountId",
      (array_agg(e."interactionDate") FILTER (WHERE e."interactionDate" IS NOT NULL))[1] AS "interactionDate",
      array_agg(DISTINCT e."jobId") FILTER (WHERE e."jobId" IS NOT NULL) AS "jobIds",
      min(e."receivedAt") AS "firstReceivedAt",
      (array_agg(e."interactionId") FILTER (WHERE e."interactionId" IS NOT NULL))[1] AS "interactionId",
      (array_agg(e."eventType" ORDER BY e."receivedAt"))[1] AS "eventType",
      (array_agg(e."vendorEventId") FILTER (WHERE e."vendorEventId" IS NOT NULL))[1] AS "vendorEventId"
    FROM "IngestEvent" e
    WHERE e."receivedAt" > ${lookback}
      AND e."vendorAccountId" = ANY(${accountIds})
      AND (
        (e.kind = 'RECORDING'
          AND NOT EXISTS (SELECT 1 FROM "Recording" r WHERE r."vendorSource" = e."vendorSource"
            AND r."vendorRecordingId" = e."vendorRecordingId" AND r.status IN ('ARCHIVED', 'QUARANTINED'))
          AND NOT EXISTS (SELECT 1 FROM "DeadLetter" d WHERE d."vendorSource" = e."vendorSource"
            AND d."vendorRecordingId" = e."vendorRecordingId" AND d."replayedAt" IS NULL))
        OR (e.kind = 'INTERACTION'
          AND NOT EXISTS (SELECT 1 FROM "IngestEvent" x WHERE x."idempotencyKey" = e."idempotencyKey" AND x."resolvedAt" IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM "DeadLetter" d WHERE d."vendorSource" = e."vendorSource" AND d."vendorRecordingId" IS NULL
            AND d."replayedAt" IS NULL AND d.payload->>'eventKey' = e."idempotencyKey"))
      )
    GROUP BY e.kind, e."idempotencyKey", e."vendorSource", e."vendorRecordingId"
    HAVING min(e."receivedAt") <= ${cutoff}
    ORDER BY min(e."receivedAt")
    LIMIT ${limit}`);
}

async function hasLiveJob(queue: Queue, jobIds: string[]): Promise<boolean> {
  for (const id of jobIds) {
    const state = await withRedis('read job state', () => queue.getJobState(id));
    if (LIVE_JOB_STATES.has(state)) return true;
  }
  return false;
}

async function redrive(c: TCandidate, vendor: TVendor, accountId: string, deadlineMinutes: number): Promise<boolean> {
  const actor = { type: 'worker' as const, id: JOBS.sweep };
  const auditDetails = {
    reason: 'archive deadline passed',
    deadlineMinutes,
    firstReceivedAt: c.firstReceivedAt.toISOString(),
    previousJobIds: c.jobIds ?? [],
  };
  if (c.kind === 'INTERACTION' && c.interactionId) {
    const job = {
      vendorSource: vendor,
      vendorAccountId: accountId,
      interactionId: c.interactionId,
      interactionDate: c.interactionDate,
      eventType: c.eventType,
      vendorEventId: c.vendorEventId,
    };
    const r = await enqueueInteractionJob(job, { source: 'SWEEP', actor, auditDetails, eventKey: c.idempotencyKey, skipIfSettled: true });
    return !r.duplicate;
  }
  if (!c.vendorRecordingId) return false;
  const r = await enqueueArchiveJob(
    {
      vendorSource: vendor,
      vendorAccountId: accountId,
      vendorRecordingId: c.vendorRecordingId,
      interactionId: c.interactionId,
      interactionDate: c.interactionDate,
      source: 'SWEEP',
    },
    { eventType: 'sweep.redrive', auditDetails, actor, skipIfSettled: true },
  );
  return !r.duplicate;
}

export async function sweepPendingArchives(opts: { deadlineMinutes?: number } = {}): Promise<TSweepResult> {
  const { ARCHIVE_DEADLINE_MINUTES, SWEEP_LOOKBACK_HOURS, SWEEP_BATCH_SIZE } = env();
  const now = Date.now();
  const deadlineMinutes = opts.deadlineMinutes ?? ARCHIVE_DEADLINE_MINUTES;
  const cutoff = new Date(now - deadlineMinutes * 60_000);
  // Accounts no longer configured cannot be fetched from: their events stay visible (PENDING), not re-driven.
  const accountIds = vendorAccounts().map((a) => a.id);
  const candidates = await findCandidates(cutoff, new Date(now - SWEEP_LOOKBACK_HOURS * 3_600_000), SWEEP_BATCH_SIZE, accountIds);
  const result: TSweepResult = { candidates: candidates.length, redriven: 0, inFlight: 0, settledMeanwhile: 0 };
  for (const c of candidates) {
    const vendor = VENDOR_BY_SLUG[c.vendor];
    if (!vendor || !c.vendorAccountId) continue; // unreachable: the query only returns configured accounts
    const queue = c.kind === 'INTERACTION' ? resolveQueue() : archiveQueue(vendor);
    if (await hasLiveJob(queue, c.jobIds ?? [])) {
      result.inFlight += 1;
      continue;
    }
    if (await redrive(c, vendor, c.vendorAccountId, deadlineMinutes)) result.redriven += 1;
    else result.settledMeanwhile += 1;
  }
  return result;
}
