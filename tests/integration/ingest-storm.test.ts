// A redelivery storm, as a vendor's regional failover produces it: 200 recordings (Genesys and CXone) each delivered 10 times,
// shuffled and concurrent, by the simulators' own emitter through the real route handlers, with the real
// workers archiving into the test Ceph RGW. Exactly 200 archive jobs, each recording downloaded exactly once
// (counted at the simulator), 1,800 duplicates acknowledged, counted and audited.
import { describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { db } from '@/lib/db';
import { QUEUES } from '@/lib/queue/contracts';
import { DUPLICATE_COUNTER_KEY } from '@/lib/queue/redis-keys';
import { producerRedis } from '@/lib/redis';
import type { TEmitResult, TSimRecording } from '@/simulators/types';
import { jobTotal, runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const GEN = `b1-storm-gen-${runId}`;
const CX = `b1-storm-cx-${runId}`;
const GENESYS_COUNT = 120;
const CXONE_COUNT = 80;
const DELIVERIES = 10;

// Vendor quotas are the simulator's business here; the storm is about dedupe, not throttling.
const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com')], faults: { maxPageSize: 50 } },
  cxone: { accounts: [simAccount(CX, 'na1')] },
  requestsPerMinute: 100_000,
  routes: true,
  workers: { schedule: false, metricsPort: null, archiveConcurrency: 8 },
});

describe('webhook redelivery storm', () => {
  // ~3,200 audit entries (2,000 deliveries + the pipeline's own) share one hash chain: allow for a slow machine.
  it('archives 200 recordings once each out of 2,000 shuffled concurrent deliveries', { timeout: 180_000 }, async () => {
    const started = Date.now();
    const gen: TSimRecording[] = Array.from({ length: GENESYS_COUNT }, (_, i) =>
      stack.genesys.addRecording({ seconds: 1 + (i % 2), seed: i }),
    );
    const cx: TSimRecording[] = Array.from({ length: CXONE_COUNT }, (_, i) =>
      stack.cxone.addRecording({ seconds: 1 + (i % 2), seed: 1000 + i }),
    );
    const emit = { baseUrl: stack.routes.url, duplicates: DELIVERIES, shuffle: true, concurrency: 16 };
    const results: TEmitResult[] = (await Promise.all([stack.genesys.emitAll(gen, emit), stack.cxone.emitAll(cx, emit)])).flat();

    expect(results).toHaveLength((GENESYS_COUNT + CXONE_COUNT) * DELIVERIES);
    expect(results.filter((r) => r.status !== 202).map((r) => `${r.status} ${r.body}`)).toEqual([]);
    const bodies = results.map((r) => JSON.parse(r.body) as { accepted: boolean; duplicate: boolean; jobId: string });
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(200);
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(1800);
    expect(new Set(bodies.map((b) => b.jobId)).size).toBe(200);
    const deliveredAt = Date.now();

    const all = [...gen, ...cx];
    await waitFor(
      'all 200 recordings archived',
      async () => (await db().recording.count({ where: { vendorAccountId: { in: [GEN, CX] }, status: 'ARCHIVED' } })) === 200,
      120_000,
      250,
    );
    const archivedAt = Date.now();

    // Exactly one job per recording ever existed, and each recording's media was fetched once.
    expect((await jobTotal(QUEUES.archive('GENESYS_CLOUD'))) + (await jobTotal(QUEUES.archive('NICE_CXONE')))).toBe(200);
    expect(all.filter((r) => (r.vendor === 'genesys' ? stack.genesys : stack.cxone).downloadCount(r.id) !== 1).map((r) => r.id)).toEqual(
      [],
    );
    // Every delivery is on record: 200 received + 1,800 duplicates, with matching audit entries and counter.
    const events = await db().ingestEvent.groupBy({ by: ['duplicate'], where: { vendorAccountId: { in: [GEN, CX] } }, _count: true });
    expect(Object.fromEntries(events.map((e) => [String(e.duplicate), e._count]))).toEqual({ false: 200, true: 1800 });
    await flushAuditSequencer();
    const audits = await db().auditEntry.groupBy({
      by: ['action'],
      where: { actorType: 'vendor', actorId: { in: [GEN, CX] } },
      _count: true,
    });
    expect(Object.fromEntries(audits.map((a) => [a.action, a._count]))).toEqual({ 'ingest.received': 200, 'ingest.duplicate': 1800 });
    expect(Number(await producerRedis().get(DUPLICATE_COUNTER_KEY))).toBe(1800);
    expect(await db().recording.count({ where: { vendorAccountId: { in: [GEN, CX] } } })).toBe(200);
    console.info(`storm: deliveries ${deliveredAt - started} ms, archived ${archivedAt - started} ms`);
  });
});
