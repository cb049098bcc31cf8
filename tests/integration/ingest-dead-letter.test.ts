// Failures that outlast the retries: a recording whose media URLs keep arriving expired lands in DeadLetter
// (visible, audited, left alone by the sweep), and an administrator's replay archives it. Also: a Genesys
// conversation-end event is resolved into its recordings (202 "transcoding" first), and the queue history
// shows the failure and the completion per minute.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { sweepPendingArchives } from '@/lib/ingest/sweep-pending-archives';
import { env } from '@/lib/env';
import { AUTO_REDRIVE_ACTOR, JOBS, QUEUES } from '@/lib/queue/contracts';
import { redriveDeadLetters } from '@/lib/dead-letters/redrive-dead-letters';
import { createS3Client } from '@/lib/storage/s3-client';
import { listDeadLetters } from '@/lib/dead-letters/dead-letters';
import { getQueueHistory } from '@/lib/queue/get-queue-history';
import { getQueueStats } from '@/lib/queue/get-queue-stats';
import { archiveQueue } from '@/lib/queue/queues';
import { replayDeadLetter } from '@/lib/dead-letters/replay-dead-letter';
import { sampleQueues } from '@/lib/queue/sample-queues';
import { genesysRecordingCompleted, runId } from '@/tests/support/ingest-harness';
import type { TSimRecording } from '@/simulators/types';
import { startRouteServer } from '@/tests/support/start-route-server';
import { waitFor } from '@/tests/support/wait-for';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

// Retries 100 ms, 200 ms, … apart, for 2 s instead of more than an hour.
process.env.RETRY_BACKOFF_MS = '100';
process.env.RETRY_BUDGET_SECONDS = '2';

const GEN = `b1-dlq-gen-${runId}`;
const TOKEN = `${GEN}-bearer-0123456789`;
const admin: TUserRef = { id: randomUUID(), email: 'ops@example.test', role: 'ADMIN' };
const officer: TUserRef = { id: randomUUID(), email: 'officer@example.test', role: 'OFFICER' };

/** Delivers the recording's webhook (accepted: 202) and waits until its failing job is dead-lettered. */
async function deliverUntilDeadLettered(rec: TSimRecording): Promise<void> {
  const accepted = await genesysPost(
    new Request(`http://127.0.0.1/api/webhooks/genesys?account=${GEN}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: genesysRecordingCompleted(rec.id, rec.interactionId),
    }),
  );
  expect(accepted.status).toBe(202);
  await waitFor('dead letter', async () => (await db().deadLetter.count({ where: { vendorRecordingId: rec.id } })) === 1, 30_000);
}

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.status : -1;
  }
}

const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com', { bearer: true })] },
  requestsPerMinute: 100_000,
  workers: { schedule: false, metricsPort: null, archiveConcurrency: 2 },
});

describe('dead letters', () => {
  it(
    'a job failing until its retry budget is spent is dead-lettered, visible, skipped by the sweep, and replay archives it',
    { timeout: 60_000 },
    async () => {
      const rec = stack.genesys.addRecording({ seconds: 2, seed: 7 });
      const key = `genesys-cloud:${rec.id}`;
      // Every media URL handed out is already expired (403): each attempt exhausts its URL refreshes and fails.
      stack.genesys.faults.expireNextMediaUrls = 1_000;
      await sampleQueues(new Date(Date.now() - 60_000));
      await deliverUntilDeadLettered(rec);
      const { items } = await listDeadLetters({ state: 'open', queue: QUEUES.archive('GENESYS_CLOUD') });
      const dead = items.find((d) => d.vendorRecordingId === rec.id);
      expect(dead).toMatchObject({ jobName: 'recording.archive', idempotencyKey: key, replayedAt: null });
      expect(dead?.attemptsMade).toBeGreaterThanOrEqual(1);
      expect(dead?.failedReason.length).toBeGreaterThan(0);
      expect(stack.genesys.downloadStarts(rec.id)).toBe(0);
      expect(stack.genesys.downloadCount(rec.id)).toBe(0);
      expect(await archiveQueue('GENESYS_CLOUD').getJobState(`genesys-cloud__${rec.id}`)).toBe('failed');
      await flushAuditSequencer();
      expect(await db().auditEntry.count({ where: { action: 'archive.dead_lettered', subjectId: key } })).toBe(1);
      // Search shows it: a FAILED row with the reason.
      const row = await db().recording.findFirstOrThrow({
        where: { vendorRecordingId: rec.id },
        select: { status: true, statusReason: true },
      });
      expect(row.status).toBe('FAILED');
      expect(row.statusReason).toMatch(/^vendor: /);
      // Failure visible in the console's numbers too.
      expect((await getQueueStats()).find((s) => s.queue === QUEUES.archive('GENESYS_CLOUD'))?.failed).toBe(1);
      await sampleQueues();
      expect((await getQueueHistory(5)).find((p) => p.queue === QUEUES.archive('GENESYS_CLOUD') && p.failedPerMin > 0)).toBeDefined();

      // Operators own dead letters: the sweep does not re-drive them behind their back.
      expect(await sweepPendingArchives({ deadlineMinutes: 0 })).toMatchObject({ redriven: 0 });

      if (!dead) throw new Error('unreachable');
      stack.genesys.faults.expireNextMediaUrls = 0;
      expect(await status(replayDeadLetter(dead.id, officer))).toBe(403);
      await replayDeadLetter(dead.id, admin);
      expect(await status(replayDeadLetter(dead.id, admin))).toBe(409);
      await waitFor(
        'replayed recording archived',
        async () => (await db().recording.count({ where: { vendorRecordingId: rec.id, status: 'ARCHIVED' } })) === 1,
        30_000,
      );
      expect(stack.genesys.downloadCount(rec.id)).toBe(1);
      const replayed = await db().deadLetter.findUniqueOrThrow({ where: { id: dead.id } });
      expect(replayed.replayedBy).toBe(admin.id);
      expect(replayed.replayedAt).not.toBeNull();
      await flushAuditSequencer();
      expect(await db().auditEntry.count({ where: { action: 'dead_letter.replayed', subjectId: dead.id, actorId: admin.id } })).toBe(1);
      const replayEvent = await db().ingestEvent.findFirstOrThrow({ where: { vendorRecordingId: rec.id, source: 'REPLAY' } });
      expect(replayEvent.jobId).toMatch(/__replay-/);
      // The job completes after the row is committed (waveform peaks are computed from the stored object
      // first), so the completed counter is sampled until the replay's completion shows as a rate.
      await waitFor(
        'replay counted in the queue history',
        async () => {
          await sampleQueues(new Date(Date.now() + 60_000));
          return (await getQueueHistory(5)).some((p) => p.queue === QUEUES.archive('GENESYS_CLOUD') && p.completedPerMin > 0);
        },
        30_000,
      );
    },
  );
});

describe('automatic re-drive of dead letters', () => {
  it('waits while storage does not answer, then re-drives once it does, and the recording is archived', { timeout: 60_000 }, async () => {
    const rec = stack.genesys.addRecording({ seconds: 2, seed: 8 });
    stack.genesys.faults.expireNextMediaUrls = 1_000;
    await deliverUntilDeadLettered(rec);
    stack.genesys.faults.expireNextMediaUrls = 0;

    // Storage still unreachable: the dead letter waits (nothing replayed).
    const unreachable = createS3Client({ ...env(), S3_ENDPOINT: 'http://127.0.0.1:9' });
    const blocked = await redriveDeadLetters({ s3: unreachable });
    unreachable.destroy();
    expect(blocked.blockedBy).toMatch(/^storage: /);
    expect(await db().deadLetter.count({ where: { vendorRecordingId: rec.id, replayedAt: null } })).toBe(1);

    const result = await redriveDeadLetters();
    expect(result.blockedBy).toBeNull();
    expect(result.redriven).toBeGreaterThanOrEqual(1);
    await waitFor(
      're-driven recording archived',
      async () => (await db().recording.count({ where: { vendorRecordingId: rec.id, status: 'ARCHIVED' } })) === 1,
      30_000,
    );
    const dead = await db().deadLetter.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });
    expect(dead.replayedBy).toBe(AUTO_REDRIVE_ACTOR);
    await flushAuditSequencer();
    expect(await db().auditEntry.count({ where: { action: 'dead_letter.auto_redriven', subjectId: dead.id } })).toBe(1);
    expect((await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } })).statusReason).toBeNull();
  });
});

describe('a dead letter that cannot be replayed', () => {
  it('is marked not retryable on the first automatic try and left listed for an operator', async () => {
    // A payload that no longer matches the archive job contract (e.g. written before a contract change).
    const row = await db().deadLetter.create({
      data: {
        queue: QUEUES.archive('GENESYS_CLOUD'),
        jobId: `stale-${randomUUID()}`,
        jobName: JOBS.archive,
        payload: { stale: true },
        failedReason: 'x',
        attemptsMade: 3,
      },
    });
    await redriveDeadLetters();
    const after = await db().deadLetter.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ retryable: false, replayedAt: null, autoRedrives: 0 });
    // Not picked again by the next tick; still listed for operators.
    await redriveDeadLetters();
    expect((await db().deadLetter.findUniqueOrThrow({ where: { id: row.id } })).replayedAt).toBeNull();
    expect((await listDeadLetters()).items.map((d) => d.id)).toContain(row.id);
  });
});

describe('conversation-end events', () => {
  it('resolve into every recording of the conversation, waiting out 202 "transcoding"', { timeout: 60_000 }, async () => {
    const conversationId = randomUUID();
    const recs = [
      stack.genesys.addRecording({ interactionId: conversationId, seconds: 1, pendingPolls: 1 }),
      stack.genesys.addRecording({ interactionId: conversationId, seconds: 1 }),
    ];
    const server = await startRouteServer({ '/api/webhooks/genesys': genesysPost });
    try {
      const results = await stack.genesys.emitWebhook(recs[0] as never, { baseUrl: server.url, style: 'real', duplicates: 3 });
      expect(results.map((r) => r.status)).toEqual([202, 202, 202]);
      expect(results.map((r) => (JSON.parse(r.body) as { kind: string; duplicate: boolean }).duplicate).sort()).toEqual([
        false,
        true,
        true,
      ]);
    } finally {
      await server.stop();
    }
    const ids = recs.map((r) => r.id);
    await waitFor(
      'conversation recordings archived',
      async () => (await db().recording.count({ where: { vendorRecordingId: { in: ids }, status: 'ARCHIVED' } })) === 2,
      30_000,
    );
    expect(recs.map((r) => stack.genesys.downloadCount(r.id))).toEqual([1, 1]);
    await flushAuditSequencer();
    expect(
      await db().auditEntry.count({
        where: { action: 'ingest.interaction_resolved', subjectId: `genesys-cloud:interaction:${conversationId}` },
      }),
    ).toBe(1);
  });
});
