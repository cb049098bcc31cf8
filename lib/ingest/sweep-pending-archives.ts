// The deadline sweep: Postgres is the durable record of every accepted delivery, Redis only of the work in
// flight. Any key received more than `deadlineMinutes` ago that is not ARCHIVED/QUARANTINED, has no open dead
// letter (operators own those) and has no job waiting/active/delayed is re-driven (source SWEEP, audited).
// This also recovers everything a Redis flush or a lost job dropped: the job ids recorded on the events are
// simply gone from Redis, which reads as "no job".
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { JOBS } from '@/lib/queue/contracts';
import { archiveQueue } from '@/lib/queue/queues';
import { withRedis } from '@/lib/queue/with-redis';
import { vendorAccounts } from '@/lib/vendors/accounts';
import { VENDOR_SLUG, type TVendor } from '@/lib/vendors/types';

export type TSweepResult = { candidates: number; redriven: number; inFlight: number };

type TCandidate = {
  idempotencyKey: string;
  vendor: string;
  vendorRecordingId: string;
  vendorAccountId: string | null;
  interactionId: string | null;
  interactionDate: string | null;
  jobIds: string[] | null;
  firstReceivedAt: Date;
};

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

const VENDOR_BY_SLUG = Object.fromEntries(Object.entries(VENDOR_SLUG).map(([vendor, slug]) => [slug, vendor as TVendor]));

async function findCandidates(cutoff: Date, lookback: Date, limit: number, accountIds: string[]): Promise<TCandidate[]> {
  return db().$queryRaw<TCandidate[]>(Prisma.sql`
    SELECT e."idempotencyKey", e."vendorSource"::text AS vendor, e."vendorRecordingId",
      (array_agg(e."vendorAccountId") FILTER (WHERE e."vendorAccountId" IS NOT NULL))[1] AS "vendorAccountId",
      (array_agg(e."interactionDate") FILTER (WHERE e."interactionDate" IS NOT NULL))[1] AS "interactionDate",
      array_agg(DISTINCT e."jobId") FILTER (WHERE e."jobId" IS NOT NULL) AS "jobIds",
      min(e."receivedAt") AS "firstReceivedAt",
      (array_agg(e."interactionId") FILTER (WHERE e."interactionId" IS NOT NULL))[1] AS "interactionId"
    FROM "IngestEvent" e
    WHERE e."receivedAt" > ${lookback}
      AND e."vendorAccountId" = ANY(${accountIds})
      AND NOT EXISTS (SELECT 1 FROM "Recording" r WHERE r."vendorSource" = e."vendorSource"
        AND r."vendorRecordingId" = e."vendorRecordingId" AND r.status IN ('ARCHIVED', 'QUARANTINED'))
      AND NOT EXISTS (SELECT 1 FROM "DeadLetter" d WHERE d."vendorSource" = e."vendorSource"
        AND d."vendorRecordingId" = e."vendorRecordingId" AND d."replayedAt" IS NULL)
    GROUP BY e."idempotencyKey", e."vendorSource", e."vendorRecordingId"
    HAVING min(e."receivedAt") <= ${cutoff}
    ORDER BY min(e."receivedAt")
    LIMIT ${limit}`);
}

async function hasLiveJob(vendor: TVendor, jobIds: string[]): Promise<boolean> {
  const queue = archiveQueue(vendor);
  for (const id of jobIds) {
    const state = await withRedis('read job state', () => queue.getJobState(id));
    if (LIVE_STATES.has(state)) return true;
  }
  return false;
}

export async function sweepPendingArchives(opts: { deadlineMinutes?: number } = {}): Promise<TSweepResult> {
  const { ARCHIVE_DEADLINE_MINUTES, SWEEP_LOOKBACK_HOURS, SWEEP_BATCH_SIZE } = env();
  const now = Date.now();
  const deadlineMinutes = opts.deadlineMinutes ?? ARCHIVE_DEADLINE_MINUTES;
  const cutoff = new Date(now - deadlineMinutes * 60_000);
  // Accounts no longer configured cannot be fetched from: their events stay visible (PENDING), not re-driven.
  const accountIds = vendorAccounts().map((a) => a.id);
  const candidates = await findCandidates(cutoff, new Date(now - SWEEP_LOOKBACK_HOURS * 3_600_000), SWEEP_BATCH_SIZE, accountIds);
  const result: TSweepResult = { candidates: candidates.length, redriven: 0, inFlight: 0 };
  for (const c of candidates) {
    const vendor = VENDOR_BY_SLUG[c.vendor];
    if (!vendor || !c.vendorAccountId) continue; // unreachable: the query only returns configured accounts
    if (await hasLiveJob(vendor, c.jobIds ?? [])) {
      result.inFlight += 1;
      continue;
    }
    await enqueueArchiveJob(
      { vendorSource: vendor, vendorAccountId: c.vendorAccountId, vendorRecordingId: c.vendorRecordingId, interactionId: c.interactionId, interactionDate: c.interactionDate, source: 'SWEEP' },
      { eventType: 'sweep.redrive', auditDetails: { reason: 'archive deadline passed', deadlineMinutes, firstReceivedAt: c.firstReceivedAt.toISOString(), previousJobIds: c.jobIds ?? [] }, actor: { type: 'worker', id: JOBS.sweep } },
    );
    result.redriven += 1;
  }
  return result;
}
