// The published-model fixtures (tests/fixtures/vendors) through the real HTTP clients and the real webhook
// routes — not through our simulators: what a tenant would send is what these tests feed in.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { signWebhookBody } from '@/lib/ingest/verify-webhook-auth';
import { createCxoneClient } from '@/lib/vendors/cxone/client';
import { createGenesysClient } from '@/lib/vendors/genesys/client';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';
import type { TVendorAccount } from '@/lib/vendors/types';
import { closeProducerSide, resetRedis, runId, setVendorAccounts } from '@/tests/support/ingest-harness';

const text = (name: string) => readFileSync(`tests/fixtures/vendors/${name}`, 'utf8');
const CONVERSATION = 'b1e0c3a2-7d64-4f19-9a85-2e7c61f0d3b8';
const FAST = { backoffBaseMs: 20, backoffMaxMs: 100, notReadyDelayMs: 20 };

/** Serves the fixture files, byte for byte, at the endpoints the clients call. */
const ROUTES: Record<string, string> = {
  [`GET /api/v2/conversations/${CONVERSATION}/recordings`]: 'genesys/conversation-recordings.json',
  [`GET /api/v2/analytics/conversations/${CONVERSATION}/details`]: 'genesys/conversation-details.json',
  'GET /incontactapi/services/v27.0/contacts/583920174': 'cxone/contact.json',
  'GET /media-playback/v1/contacts': 'cxone/media-playback-contact.json',
};

let server: http.Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'POST' && /token/.test(url.pathname))
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"t","expires_in":3600}');
    const file = ROUTES[`${req.method} ${url.pathname}`];
    if (!file) return void res.writeHead(404).end('{}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(text(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeProducerSide();
});

function account(vendorSource: TVendorAccount['vendorSource']): TVendorAccount {
  return {
    id: `fx-${vendorSource.toLowerCase()}`,
    vendorSource,
    name: 'fixtures',
    instance: 'x',
    residencyRegion: 'us',
    apiBaseUrl: base,
    authUrl: `${base}/token`,
    clientId: 'c',
    clientSecret: 's',
    tlsPins: [],
    requestsPerMinute: 6000,
    webhookBearerToken: null,
    webhookHmacSecret: null,
  };
}

describe('published fixtures through the clients', () => {
  it('Genesys: the conversation stays readable despite a null-field recording; each recording normalizes on its own; screen is skipped', async () => {
    const client = createGenesysClient(account('GENESYS_CLOUD'), { policy: FAST });
    const { recordings: listed, skipped } = await client.listInteractionRecordings(CONVERSATION);
    expect(listed.map((r) => r.vendorRecordingId)).toEqual([
      '4f2c8a61-93d0-4b7e-a1f5-0c6e2d9b7a14',
      '7a9e5d32-0c41-4e8b-b6f7-91d2c3e4f5a6',
    ]);
    expect(skipped).toEqual([expect.objectContaining({ vendorRecordingId: '9d3b1f70-5e2a-4c86-8f41-a7b6c5d4e3f2', media: 'screen' })]);
    expect(seen).toContain(`GET /api/v2/conversations/${CONVERSATION}/recordings?maxWaitMs=5000&formatId=WAV`);

    const good = await client.fetchMetadata({ vendorRecordingId: listed[0]!.vendorRecordingId, interactionId: CONVERSATION });
    expect(good.responses?.map((r) => r.body.toString('utf8'))).toEqual([
      text('genesys/conversation-recordings.json'),
      text('genesys/conversation-details.json'),
    ]);
    expect(normalizeMetadata('GENESYS_CLOUD', good, client.account)).toMatchObject({
      ok: true,
      record: { durationSeconds: 142.5, durationSource: 'vendor', direction: 'INBOUND' },
    });
    const nulls = await client.fetchMetadata({ vendorRecordingId: listed[1]!.vendorRecordingId, interactionId: CONVERSATION });
    const result = normalizeMetadata('GENESYS_CLOUD', nulls, client.account);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['endTime', 'startTime']);
  });

  it('CXone: playback is asked for the master contact, the duration derived, tags from callTaggingList', async () => {
    const client = createCxoneClient({ ...account('NICE_CXONE'), mediaBaseUrl: base }, { policy: FAST });
    const raw = await client.fetchMetadata({ vendorRecordingId: '583920174', interactionId: '583920170' });
    expect(seen.some((s) => s.startsWith('GET /media-playback/v1/contacts?acd-call-id=583920170&'))).toBe(true);
    expect(raw.responses?.map((r) => r.body.toString('utf8'))).toEqual([
      text('cxone/contact.json'),
      text('cxone/media-playback-contact.json'),
    ]);
    expect(normalizeMetadata('NICE_CXONE', raw, client.account)).toMatchObject({
      ok: true,
      record: {
        vendorRecordingId: '583920174',
        interactionId: '583920170',
        durationSeconds: 142.5,
        durationSource: 'derived',
        complianceTags: ['compliance', 'pci-scoped'],
        mediaFormat: 'mp4',
      },
    });
  });
});

describe('published fixtures through the webhook routes', () => {
  const GEN = `fx-gen-${runId}`;
  const CX = `fx-cx-${runId}`;
  const SECRET = `fx-hmac-${runId}-0123456789`;
  const KEY = `fx-key-${runId}-0123456789`;

  beforeAll(async () => {
    const entry = (id: string, vendorSource: string, instance: string) => ({
      id,
      vendorSource,
      instance,
      apiBaseUrl: base,
      authUrl: `${base}/token`,
      clientId: 'c',
      clientSecret: 's',
      webhookHmacSecret: SECRET,
      webhookApiKey: KEY,
    });
    setVendorAccounts([entry(GEN, 'genesys-cloud', 'mypurecloud.com'), entry(CX, 'nice-cxone', 'na1')] as never);
    await resetRedis();
  });

  const post = (vendor: 'genesys' | 'cxone', body: string, headers: Record<string, string> = { 'x-callvault-api-key': KEY }) =>
    (vendor === 'genesys' ? genesysPost : cxonePost)(
      new Request(`http://127.0.0.1/api/webhooks/${vendor}?account=${vendor === 'genesys' ? GEN : CX}`, { method: 'POST', headers, body }),
    );

  it.each([
    'customer-end-event',
    'user-end-event',
    'acw-event',
    'wrapup-event',
    'voicemail-end-event',
    'recording-topic-event',
    'user-recordings-event',
  ])('accepts the published Genesys %s (API-key header)', async (name) => {
    const res = await post('genesys', text(`genesys/${name}.json`));
    expect(res.status).toBe(202);
  });

  it('accepts the CXone recordingReady example, HMAC-signed', async () => {
    const body = text('cxone/recording-ready-event.json');
    const ts = Math.floor(Date.now() / 1000);
    const res = await post('cxone', body, {
      'x-callvault-timestamp': String(ts),
      'x-callvault-signature': signWebhookBody(SECRET, ts, body),
    });
    expect(res.status).toBe(202);
  });

  it('is lenient on fields the pipeline does not use, and refuses only a delivery it could never fetch', async () => {
    const seed = (data: Record<string, unknown>) =>
      JSON.stringify({
        type: 'recording.completed',
        id: `evt-${runId}-${Object.keys(data).length}`,
        timestamp: new Date().toISOString(),
        data,
      });
    const participants = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      type: 'agent',
      displayName: i === 17 ? null : `Agent ${i}`,
    }));
    const lenient = await post('genesys', seed({ id: `rec-${runId}-1`, conversationId: `conv-${runId}`, duration: '142.5', participants }));
    expect(lenient.status).toBe(202);
    const refused = await post('genesys', seed({ id: `rec-${runId}-2`, duration: 142.5 }));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('conversationId is required');
  });
});
