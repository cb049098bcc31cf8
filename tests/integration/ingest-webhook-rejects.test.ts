// The webhook route handlers against real Redis and Postgres: every bad delivery gets the right 4xx with a
// reason and leaves NOTHING behind (no job, no IngestEvent); a good one is 202 only once durable, and its
// redelivery is acknowledged as a duplicate without a second job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { db } from '@/lib/db';
import { WEBHOOK_UNAUTHORIZED_BODY } from '@/lib/ingest/webhook-error-response';
import { QUEUES } from '@/lib/queue/contracts';
import {
  closeProducerSide,
  genesysRecordingCompleted,
  ingestEventCount,
  jobTotal,
  resetRedis,
  runId,
  setVendorAccounts,
  webhookRequest,
} from '@/tests/support/ingest-harness';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const GEN = `b1-rej-gen-${runId}`;
const GEN_TOKEN_ONLY = `b1-rej-tok-${runId}`;
const GEN_NOAUTH = `b1-rej-none-${runId}`;
const CX = `b1-rej-cx-${runId}`;
const SECRET = 'genesys-hmac-secret-0123456789';
const TOKEN = 'genesys-bearer-token-0123456789';
const CX_SECRET = 'cxone-hmac-secret-0123456789ab';
const ACCOUNTS = [GEN, GEN_TOKEN_ONLY, GEN_NOAUTH, CX];
const auth = { token: TOKEN, secret: SECRET };

type TErrorBody = { error: { code: string; message: string; details?: unknown } };

async function nothingQueued(): Promise<void> {
  for (const q of [QUEUES.archive('GENESYS_CLOUD'), QUEUES.archive('NICE_CXONE'), QUEUES.resolve]) expect(await jobTotal(q), q).toBe(0);
  for (const a of ACCOUNTS) expect(await ingestEventCount(a), a).toBe(0);
}

async function expectRefused(response: Response, status: number, code: string): Promise<TErrorBody> {
  const body = (await response.json()) as TErrorBody;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

beforeAll(async () => {
  const base = {
    vendorSource: 'genesys-cloud' as const,
    instance: 'mypurecloud.com',
    apiBaseUrl: 'http://127.0.0.1:9',
    authUrl: 'http://127.0.0.1:9/oauth/token',
    clientId: 'c',
    clientSecret: 's',
  };
  setVendorAccounts([
    { ...base, id: GEN, webhookBearerToken: TOKEN, webhookHmacSecret: SECRET },
    { ...base, id: GEN_TOKEN_ONLY, webhookBearerToken: TOKEN },
    { ...base, id: GEN_NOAUTH },
    {
      id: CX,
      vendorSource: 'nice-cxone',
      instance: 'na1',
      apiBaseUrl: 'http://127.0.0.1:9',
      authUrl: 'http://127.0.0.1:9/token',
      clientId: 'c',
      clientSecret: 's',
      webhookHmacSecret: CX_SECRET,
    },
  ]);
  await resetRedis();
});

afterAll(closeProducerSide);

describe('webhook refusals leave nothing behind', () => {
  const good = () => genesysRecordingCompleted(`rec-${runId}-bad`, `conv-${runId}`);

  it('400 for unparseable JSON, 422 naming the fields for wrong types and missing ids', async () => {
    await expectRefused(await genesysPost(webhookRequest('genesys', GEN, '{"type":"recording.completed",', auth)), 400, 'bad_request');
    const wrongType = JSON.stringify({
      type: 'recording.completed',
      id: 'evt-1',
      timestamp: new Date().toISOString(),
      data: { id: 12345 },
    });
    const typeBody = await expectRefused(await genesysPost(webhookRequest('genesys', GEN, wrongType, auth)), 422, 'unprocessable');
    expect(JSON.stringify(typeBody.error.details)).toContain('data.id');
    const missingId = JSON.stringify({
      type: 'recording.completed',
      id: 'evt-1',
      timestamp: new Date().toISOString(),
      data: { mediaType: 'voice' },
    });
    const missingBody = await expectRefused(await genesysPost(webhookRequest('genesys', GEN, missingId, auth)), 422, 'unprocessable');
    expect(JSON.stringify(missingBody.error.details)).toContain('data.id');
    const cxMissing = JSON.stringify({ eventType: 'recordingReady', timestamp: new Date().toISOString() });
    const cxBody = await expectRefused(
      await cxonePost(webhookRequest('cxone', CX, cxMissing, { secret: CX_SECRET })),
      422,
      'unprocessable',
    );
    expect(JSON.stringify(cxBody.error.details)).toContain('contactId');
    await nothingQueued();
  });

  it('422 for event types outside the allowlist', async () => {
    const body = JSON.stringify({ type: 'recording.deleted', id: 'evt-2', timestamp: new Date().toISOString(), data: { id: 'x' } });
    const refused = await expectRefused(await genesysPost(webhookRequest('genesys', GEN, body, auth)), 422, 'unprocessable');
    expect(refused.error.message).toContain('recording.deleted');
    await nothingQueued();
  });

  it('413 for an oversize body, declared or not', async () => {
    const big = JSON.stringify({ type: 'recording.completed', pad: 'x'.repeat(300 * 1024) });
    await expectRefused(
      await genesysPost(webhookRequest('genesys', GEN, big, auth, { 'content-length': String(big.length) })),
      413,
      'payload_too_large',
    );
    await expectRefused(await genesysPost(webhookRequest('genesys', GEN, big, auth)), 413, 'payload_too_large');
    await nothingQueued();
  });

  it('one identical 401 for bad/missing signature, bad bearer, stale or future timestamp, no auth configured', async () => {
    const body = good();
    const cases: [Request, string][] = [
      [webhookRequest('genesys', GEN, body, { token: TOKEN, secret: 'wrong-secret-0123456789' }), 'invalid signature'],
      [webhookRequest('genesys', GEN, body, { token: TOKEN }), 'missing timestamp'],
      [webhookRequest('genesys', GEN, body, { token: 'wrong-token-0123456789', secret: SECRET }), 'invalid bearer token'],
      [webhookRequest('genesys', GEN, body, { secret: SECRET }), 'missing bearer token'],
      [webhookRequest('genesys', GEN, body, { ...auth, timestamp: Math.floor(Date.now() / 1000) - 301 }), 'stale timestamp'],
      [webhookRequest('genesys', GEN, body, { ...auth, timestamp: Math.floor(Date.now() / 1000) + 301 }), 'timestamp in the future'],
      [webhookRequest('genesys', GEN_TOKEN_ONLY, body, { token: 'nope-nope-nope-nope' }), 'invalid bearer token'],
      [webhookRequest('genesys', GEN_NOAUTH, body, auth), 'webhook auth not configured'],
    ];
    // The reason is logged, never answered: every cause gets the same body.
    const bodies = new Set<string>();
    for (const [request] of cases) bodies.add(JSON.stringify(await expectRefused(await genesysPost(request), 401, 'unauthorized')));
    expect([...bodies]).toEqual([JSON.stringify(WEBHOOK_UNAUTHORIZED_BODY)]);
    // The signature covers the body: a tampered body with the original signature fails.
    const ts = Math.floor(Date.now() / 1000);
    const original = webhookRequest('genesys', GEN, body, { ...auth, timestamp: ts });
    const tampered = webhookRequest('genesys', GEN, body.replace('completed', 'completed '), {
      ...auth,
      timestamp: ts,
      signature: original.headers.get('x-callvault-signature') ?? '',
    });
    expect((await genesysPost(tampered)).status).toBe(401);
    await nothingQueued();
  });

  it('unknown or wrong-vendor accounts get the same 401 as a bad token; 400 without an account', async () => {
    const unknown = await expectRefused(await genesysPost(webhookRequest('genesys', `nobody-${runId}`, good(), auth)), 401, 'unauthorized');
    const wrongVendor = await expectRefused(await cxonePost(webhookRequest('cxone', GEN, good(), auth)), 401, 'unauthorized');
    expect(unknown).toEqual(WEBHOOK_UNAUTHORIZED_BODY);
    expect(wrongVendor).toEqual(WEBHOOK_UNAUTHORIZED_BODY);
    await expectRefused(await genesysPost(webhookRequest('genesys', null, good(), auth)), 400, 'bad_request');
    await nothingQueued();
  });
});

describe('accepted deliveries', () => {
  it('202 once queued and recorded; a redelivery is a duplicate with no second job', async () => {
    const recordingId = `rec-${runId}-ok`;
    const body = genesysRecordingCompleted(recordingId, `conv-${runId}-ok`);
    const first = await genesysPost(webhookRequest('genesys', GEN, body, auth));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: true, kind: 'recording', jobId: `genesys-cloud__${recordingId}`, duplicate: false });
    const again = await genesysPost(webhookRequest('genesys', GEN, body, auth));
    expect(await again.json()).toMatchObject({ accepted: true, duplicate: true, jobId: `genesys-cloud__${recordingId}` });
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(1);
    const events = await db().ingestEvent.findMany({ where: { vendorAccountId: GEN }, orderBy: { receivedAt: 'asc' } });
    expect(events.map((e) => [e.source, e.duplicate, e.interactionDate])).toEqual([
      ['WEBHOOK', false, new Date().toISOString().slice(0, 10)],
      ['WEBHOOK', true, new Date().toISOString().slice(0, 10)],
    ]);
    await flushAuditSequencer();
    const audit = await db().auditEntry.findMany({
      where: { subjectType: 'recording', subjectId: `genesys-cloud:${recordingId}` },
      orderBy: { sequence: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['ingest.received', 'ingest.duplicate']);
    expect(await db().rawVendorPayload.count({ where: { vendorRecordingId: recordingId, kind: 'webhook' } })).toBe(1);
  });

  it('a Genesys conversation-end event queues one resolve job (deduped by conversation)', async () => {
    const conversationId = `conv-${runId}-end`;
    const body = JSON.stringify({
      id: `eb-${runId}`,
      time: new Date().toISOString(),
      'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
      detail: { topicName: `v2.detail.events.conversation.${conversationId}.customer.end`, eventBody: { conversationId } },
    });
    const first = await genesysPost(webhookRequest('genesys', GEN, body, auth));
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ kind: 'interaction', duplicate: false });
    expect(await (await genesysPost(webhookRequest('genesys', GEN, body, auth))).json()).toMatchObject({
      kind: 'interaction',
      duplicate: true,
    });
    expect(await jobTotal(QUEUES.resolve)).toBe(1);
  });
});
