// Polling is the backbone: with no webhook at all, the repeatable poll archives everything the simulators list
// (paginated, cursor saved in Postgres). Then Redis is flushed mid-run (jobs, schedulers, markers and claims
// gone): the sweep, run with a deadline of 0, re-drives every recording from the IngestEvent rows in Postgres.
import { describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { db } from '@/lib/db';
import { listPollCursors } from '@/lib/ingest/list-poll-cursors';
import { JOBS } from '@/lib/queue/contracts';
import { maintenanceQueue, pollQueue } from '@/lib/queue/queues';
import { producerRedis } from '@/lib/redis';
import type { TSimRecording } from '@/simulators/types';
import { runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

// Two archive jobs per second per vendor queue: slow enough that the flush reliably lands mid-run.
process.env.ARCHIVE_JOBS_PER_SECOND = '2';

const GEN = `b1-poll-gen-${runId}`;
const CX = `b1-poll-cx-${runId}`;
const ACCOUNTS = [GEN, CX];

const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com', { hmac: true })] },
  // CXone pages of at most 4 force several pages per walk (the cursor is saved after each one).
  cxone: { accounts: [simAccount(CX, 'na1', { hmac: true })], faults: { maxPageSize: 4 } },
  requestsPerMinute: 100_000,
  // No watchdog: after the flush nothing but the sweep may bring the recordings back.
  workers: {
    pollIntervalSeconds: 1,
    sweepIntervalSeconds: 3600,
    sweepDeadlineMinutes: 0,
    scheduleWatchdogSeconds: 0,
    metricsPort: null,
    archiveConcurrency: 1,
  },
});

const archivedCount = (ids: string[]) => db().recording.count({ where: { vendorRecordingId: { in: ids }, status: 'ARCHIVED' } });
const downloads = (r: TSimRecording) => (r.vendor === 'genesys' ? stack.genesys : stack.cxone).downloadCount(r.id);

function addBatch(genesysCount: number, cxoneCount: number, seed: number): TSimRecording[] {
  return [
    ...Array.from({ length: genesysCount }, (_, i) => stack.genesys.addRecording({ seconds: 1, seed: seed + i })),
    ...Array.from({ length: cxoneCount }, (_, i) => stack.cxone.addRecording({ seconds: 1, seed: seed + 500 + i })),
  ];
}

describe('fallback polling and the deadline sweep', () => {
  it('polling alone archives everything the vendors list', { timeout: 90_000 }, async () => {
    const batch = addBatch(10, 6, 1);
    const ids = batch.map((r) => r.id);
    await waitFor('polled recordings archived', async () => (await archivedCount(ids)) === ids.length, 60_000, 200);
    expect(batch.filter((r) => downloads(r) !== 1).map((r) => r.id)).toEqual([]);
    const events = await db().ingestEvent.findMany({ where: { vendorRecordingId: { in: ids } } });
    expect(new Set(events.map((e) => e.source))).toEqual(new Set(['POLL']));
    expect(events.filter((e) => !e.duplicate)).toHaveLength(ids.length);
    const cursors = (await listPollCursors()).filter((c) => ACCOUNTS.includes(c.vendorAccountId));
    expect(cursors).toHaveLength(2);
    for (const c of cursors) {
      expect(c.lastSuccessAt, c.vendorAccountId).not.toBeNull();
      expect(c.lastError).toBeNull();
      expect(c.listedCount).toBeGreaterThanOrEqual(c.vendorAccountId === GEN ? 10 : 6);
      expect(c.enqueuedCount).toBe(c.vendorAccountId === GEN ? 10 : 6);
    }
  });

  it('after FLUSHDB mid-run, the sweep re-drives every recording from Postgres', { timeout: 120_000 }, async () => {
    const batch = addBatch(8, 6, 100);
    const ids = batch.map((r) => r.id);
    await waitFor(
      'poll enqueued the new batch',
      async () => (await db().ingestEvent.count({ where: { vendorRecordingId: { in: ids }, duplicate: false } })) === ids.length,
      30_000,
      100,
    );
    await waitFor('archiving under way', async () => (await archivedCount(ids)) >= 2, 30_000, 100);

    await producerRedis().flushdb();
    const archivedAtFlush = await archivedCount(ids);
    expect(archivedAtFlush, 'the flush must land mid-run').toBeLessThan(ids.length);
    // Schedulers went with the flush; nothing is queued any more.
    expect(await pollQueue().getJobScheduler(`poll-${GEN}`)).toBeUndefined();

    await maintenanceQueue().add(JOBS.sweep, { deadlineMinutes: 0 });
    await waitFor('every recording archived after the sweep', async () => (await archivedCount(ids)) === ids.length, 90_000, 200);

    const swept = await db().ingestEvent.findMany({ where: { vendorRecordingId: { in: ids }, source: 'SWEEP' } });
    // The flush also leaves work under way: the archive attempt in flight on each vendor queue and a poll tick
    // that lists and re-enqueues what is not archived yet. Those finish on their own, and the sweep's re-check
    // of settled state skips what they archived, so the sweep re-drives the rest but not necessarily all.
    expect(swept.length).toBeGreaterThan(0);
    expect(swept.length).toBeLessThanOrEqual(ids.length - archivedAtFlush);
    expect(swept.every((e) => !e.duplicate && e.jobId?.includes('__sweep-'))).toBe(true);
    await flushAuditSequencer();
    const audited = await db().auditEntry.count({
      where: { action: 'ingest.received', actorId: JOBS.sweep, subjectId: { in: swept.map((e) => e.idempotencyKey) } },
    });
    expect(audited).toBe(swept.length);
    // One row per recording (DB unique), media fetched at least once, and at most twice for a job cut mid-flight.
    expect(await db().recording.count({ where: { vendorRecordingId: { in: ids } } })).toBe(ids.length);
    expect(batch.filter((r) => downloads(r) < 1 || downloads(r) > 2).map((r) => r.id)).toEqual([]);

    // The watchdog's job: missing schedulers come back (without pushing existing ones back).
    await stack.workers.ensureSchedules();
    expect(await pollQueue().getJobScheduler(`poll-${GEN}`)).toBeDefined();
  });
});
