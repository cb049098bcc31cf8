// Intake durability against real Redis and Postgres (route handlers, no workers): a value Postgres cannot
// store is a 422 before anything is queued; the body is kept byte for byte beside its sha256 for both event
// styles; a conversation-end event is a Postgres row the sweep re-drives after Redis lost everything; each
// interaction event resolves on its own; a redelivery of a delivery whose job failed re-drives it.
import { createHash, randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { setupIntake } from '@/tests/support/setup-intake';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { sweepPendingArchives } from '@/lib/ingest/sweep-pending-archives';
import { archiveJobId, QUEUES } from '@/lib/queue/contracts';
import { archiveQueue, resolveQueue } from '@/lib/queue/queues';
import { producerRedis } from '@/lib/redis';
import { ingestEventCount, jobTotal, runId, webhookRequest, offlineGenesysAccount } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';

const GEN = `b1-dur-gen-${runId}`;
const TOKEN = 'genesys-bearer-token-0123456789';
const auth = { token: TOKEN };
const sha256 = (s: string) => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex');

function conversationEnd(
  conversationId: string,
  topic: 'customer.end' | 'acw' | 'user.end',
  eventId: string,
  time = new Date().toISOString(),
): string {
  return JSON.stringify({
    version: '0',
    id: eventId,
    'detail-type': `v2.detail.events.conversation.{id}.${topic}`,
    source: 'aws.partner/genesys.com/cloud/org/callvault',
    time,
    detail: { topicName: `v2.detail.events.conversation.${conversationId}.${topic}`, eventBody: { conversationId } },
  });
}

const post = (body: string) => genesysPost(webhookRequest('genesys', GEN, body, auth));

setupIntake([offlineGenesysAccount(GEN, TOKEN)]);

describe('durable intake', () => {
  it('a NUL character is a 422 naming the field, before anything is queued or recorded', async () => {
    const body = `{"type":"recording.completed","id":"evt-nul-${runId}","timestamp":"${new Date().toISOString()}","data":{"id":"rec-nul-${runId}","conversationId":"c","mediaType":"voi\\u0000ce"}}`;
    const response = await post(body);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(422);
    expect(json.error.message).toContain('data.mediaType');
    expect(json.error.message).toContain('NUL');
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(0);
    expect(await ingestEventCount(GEN)).toBe(0);
  });

  it('keeps the exact bytes of a recording event: duplicate keys, 20-digit integers and 1.0 survive', async () => {
    const id = `rec-raw-${runId}`;
    const body = `{"type":"recording.completed","id":"evt-raw-${runId}","timestamp":"2024-05-14T23:30:00-05:00","data":{"id":"${id}","conversationId":"conv-raw","mediaType":"voice","duration":1.0,"big":12345678901234567890123,"dup":1,"dup":2}}`;
    expect((await post(body)).status).toBe(202);
    const raw = await db().rawVendorPayload.findFirstOrThrow({ where: { vendorRecordingId: id, kind: 'webhook' } });
    expect(Buffer.from(raw.rawBody ?? new Uint8Array()).toString('utf8')).toBe(body);
    expect(raw.sha256).toBe(sha256(body));
    // The partition tag of an offset timestamp is its UTC date.
    const event = await db().ingestEvent.findFirstOrThrow({ where: { vendorRecordingId: id } });
    expect(event.interactionDate).toBe('2024-05-15');
  });

  it('a conversation-end event is an IngestEvent with its raw body; after FLUSHALL the sweep re-drives it', async () => {
    const conv = `conv-flush-${runId}`;
    const body = conversationEnd(conv, 'customer.end', `evt-flush-${runId}`);
    expect((await post(body)).status).toBe(202);
    const events = await db().ingestEvent.findMany({ where: { interactionId: conv } });
    expect(events).toHaveLength(1);
    expect(events[0]?.kind).toBe('INTERACTION');
    expect(events[0]?.vendorRecordingId).toBeNull();
    expect(Buffer.from(events[0]?.rawBody ?? new Uint8Array()).toString('utf8')).toBe(body);
    expect(events[0]?.rawSha256).toBe(sha256(body));
    expect(await resolveQueue().getJobState(events[0]?.jobId ?? '')).toBe('waiting');

    await producerRedis().flushdb();
    const swept = await sweepPendingArchives({ deadlineMinutes: 0 });
    expect(swept.redriven).toBeGreaterThanOrEqual(1);
    const redriven = await db().ingestEvent.findFirstOrThrow({ where: { interactionId: conv, source: 'SWEEP' } });
    expect(redriven.idempotencyKey).toBe(events[0]?.idempotencyKey);
    const job = await resolveQueue().getJob(redriven.jobId ?? '');
    expect(job?.data).toMatchObject({ interactionId: conv, eventKey: redriven.idempotencyKey });
    // A second sweep sees the live job and leaves it alone.
    const again = await sweepPendingArchives({ deadlineMinutes: 0 });
    expect(await db().ingestEvent.count({ where: { interactionId: conv, source: 'SWEEP' } })).toBe(1);
    expect(again.inFlight).toBeGreaterThanOrEqual(1);
  });

  it('an early acw event does not make the later customer.end a duplicate', async () => {
    const conv = `conv-acw-${runId}`;
    const acw = await post(conversationEnd(conv, 'acw', `evt-acw-${runId}`));
    const end = await post(conversationEnd(conv, 'customer.end', `evt-end-${runId}`));
    const redelivered = await post(conversationEnd(conv, 'customer.end', `evt-end-${runId}`));
    const [a, e, r] = (await Promise.all([acw.json(), end.json(), redelivered.json()])) as { duplicate: boolean; jobId: string }[];
    expect(a?.duplicate).toBe(false);
    expect(e?.duplicate).toBe(false);
    expect(r?.duplicate).toBe(true);
    expect(e?.jobId).not.toBe(a?.jobId);
    expect(r?.jobId).toBe(e?.jobId);
    expect(await resolveQueue().getJobState(a?.jobId ?? '')).toBe('waiting');
    expect(await resolveQueue().getJobState(e?.jobId ?? '')).toBe('waiting');
  });

  it('a redelivery of a delivery whose job failed re-drives it instead of answering a bare duplicate', async () => {
    const id = `rec-redeliver-${runId}`;
    const body = JSON.stringify({
      type: 'recording.completed',
      id: `evt-rd-${runId}`,
      timestamp: new Date().toISOString(),
      data: { id, conversationId: 'conv-rd' },
    });
    expect((await post(body)).status).toBe(202);
    const job = await archiveQueue('GENESYS_CLOUD').getJob(archiveJobId('GENESYS_CLOUD', id));
    expect(job).toBeDefined();
    // The job ends failed (as after its retries ran out) while the recording is not archived.
    const failing = new Worker(QUEUES.archive('GENESYS_CLOUD'), () => Promise.reject(new UnrecoverableError('storage unavailable')), {
      connection: { url: env().REDIS_URL, maxRetriesPerRequest: null },
    });
    await waitFor('the job failed', async () => (await job?.getState()) === 'failed', 10_000);
    await failing.close();

    const response = await post(body);
    const json = (await response.json()) as { duplicate: boolean; jobId: string };
    expect(response.status).toBe(202);
    expect(json.duplicate).toBe(true);
    expect(json.jobId).toContain('__redeliver-');
    expect(await archiveQueue('GENESYS_CLOUD').getJobState(json.jobId)).toBe('waiting');
  });

  it('the sweep re-checks settled state at the moment of re-driving: a recording archived meanwhile is left alone', async () => {
    const id = `rec-settled-${runId}`;
    const rowId = randomUUID();
    await db().recording.create({
      data: {
        id: rowId,
        archiveId: `arch-test-${rowId.slice(0, 8)}`,
        vendorSource: 'GENESYS_CLOUD',
        vendorRecordingId: id,
        status: 'ARCHIVED',
      },
    });
    const result = await enqueueArchiveJob(
      {
        vendorSource: 'GENESYS_CLOUD',
        vendorAccountId: GEN,
        vendorRecordingId: id,
        interactionId: null,
        interactionDate: null,
        source: 'SWEEP',
      },
      { eventType: 'sweep.redrive', skipIfSettled: true },
    );
    expect(result.duplicate).toBe(true);
    expect(await db().ingestEvent.count({ where: { vendorRecordingId: id } })).toBe(0);
    expect(await archiveQueue('GENESYS_CLOUD').getJobs(['waiting', 'delayed'])).not.toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ vendorRecordingId: id }) }),
    );
  });
});
