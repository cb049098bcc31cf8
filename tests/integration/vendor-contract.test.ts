// Contract: the vendors' published models (tests/fixtures/vendors, see SOURCES.md there) are the one truth.
// The committed fixtures, every response the Genesys and CXone simulators give on the endpoints our clients
// call, and every webhook they send must validate against the same strict schemas — so a field the vendor
// does not publish (a CXone `duration`, `callTagging`) or a wrong type (an ISO eventTime where the model has
// epoch ms) fails here instead of teaching our clients a shape no tenant will ever send.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type TWebhookReceiver } from '@/tests/support/start-webhook-receiver';
import type { z } from 'zod';
import { ZRecordingReady } from '@/lib/vendors/cxone/webhook-schema';
import type { TVendorAccount } from '@/lib/vendors/types';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimRecording, TSimulator } from '@/simulators/types';
import { ZMediaPlaybackContact } from '../fixtures/vendors/cxone/published-models';
import { validateEventBridgeDelivery } from '../fixtures/vendors/genesys/eventbridge';
import * as G from '../fixtures/vendors/genesys/published-models';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/vendors/${name}`, 'utf8'));

function expectValid(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  const issues = result.success ? [] : result.error.issues.map((i) => `${what}: ${i.path.join('.')}: ${i.message}`);
  expect(issues).toEqual([]);
}

function expectDelivery(body: unknown, what: string): void {
  const result = validateEventBridgeDelivery(body);
  expect(result.success ? [] : result.error.issues.map((i) => `${what}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
}

describe('published-model fixtures', () => {
  it('Genesys recordings, conversation details and every EventBridge delivery validate', () => {
    expectValid(G.Recording.array(), fixture('genesys/conversation-recordings.json'), 'recordings');
    expectValid(G.AnalyticsConversation, fixture('genesys/conversation-details.json'), 'details');
    for (const name of [
      'customer-end-event',
      'user-end-event',
      'acw-event',
      'wrapup-event',
      'voicemail-end-event',
      'recording-topic-event',
      'user-recordings-event',
    ]) {
      expectDelivery(fixture(`genesys/${name}.json`), name);
    }
  });

  it('CXone media playback validates', () => {
    expectValid(ZMediaPlaybackContact, fixture('cxone/media-playback-contact.json'), 'playback');
  });

  it('the schemas are strict: an unpublished field or a wrong type fails', () => {
    const playback = fixture('cxone/media-playback-contact.json') as { interactions: { data: Record<string, unknown> }[] };
    playback.interactions[0]!.data.duration = 142.5;
    expect(ZMediaPlaybackContact.safeParse(playback).success).toBe(false);
    const event = fixture('genesys/customer-end-event.json') as { detail: { eventBody: Record<string, unknown> } };
    event.detail.eventBody.eventTime = '2024-05-14T08:32:54.900Z';
    expect(validateEventBridgeDelivery(event).success).toBe(false);
  });
});

let genesys: TSimulator;
let cxone: TSimulator;
let receiver: TWebhookReceiver;

beforeAll(async () => {
  [genesys, cxone] = await Promise.all([startGenesysSimulator(), startCxoneSimulator()]);
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await Promise.all([genesys?.stop(), cxone?.stop(), receiver?.stop()]);
});

async function tokenFor(account: TVendorAccount): Promise<string> {
  const genesysStyle = account.vendorSource === 'GENESYS_CLOUD';
  const res = await fetch(account.authUrl, {
    method: 'POST',
    headers: genesysStyle
      ? {
          authorization: `Basic ${Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        }
      : { 'content-type': 'application/json' },
    body: genesysStyle
      ? 'grant_type=client_credentials'
      : JSON.stringify({ accessKeyId: account.clientId, accessKeySecret: account.clientSecret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function call(account: TVendorAccount, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const base = path.startsWith('/media-playback') ? (account.mediaBaseUrl ?? account.apiBaseUrl) : account.apiBaseUrl;
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe('Genesys simulator', () => {
  it('answers every endpoint our client calls in the published shapes, documented nulls and non-audio included', async () => {
    const account = genesys.vendorAccounts()[0]!;
    const conversationId = crypto.randomUUID();
    const recs: TSimRecording[] = [
      genesys.addRecording({ interactionId: conversationId, seconds: 2 }),
      genesys.addRecording({ interactionId: conversationId, seconds: 2, missing: ['startTime', 'endTime', 'duration', 'mediaFormat'] }),
      genesys.addRecording({ interactionId: conversationId, seconds: 2, mediaKind: 'screen' }),
      genesys.addRecording({ interactionId: conversationId, seconds: 2, fileState: 'ARCHIVED' }),
    ];
    const token = await tokenFor(account);
    const interval = `${new Date(Date.now() - 3600_000).toISOString()}/${new Date(Date.now() + 60_000).toISOString()}`;
    const query = { interval, order: 'asc', orderBy: 'conversationStart', paging: { pageSize: 25, pageNumber: 1 } };
    expectValid(
      G.AnalyticsConversationQueryResponse,
      await call(account, token, 'POST', '/api/v2/analytics/conversations/details/query', query),
      'details query',
    );
    expectValid(
      G.AnalyticsConversation,
      await call(account, token, 'GET', `/api/v2/analytics/conversations/${conversationId}/details`),
      'details',
    );
    expectValid(
      G.Recording.array(),
      await call(account, token, 'GET', `/api/v2/conversations/${conversationId}/recordingmetadata`),
      'recordingmetadata',
    );
    const recordings = await call(account, token, 'GET', `/api/v2/conversations/${conversationId}/recordings?maxWaitMs=5000&formatId=WAV`);
    expectValid(G.Recording.array(), recordings, 'recordings');
    expect((recordings as { startTime: unknown; mediaUris: unknown }[])[1]).toMatchObject({ startTime: null, mediaUris: null });
    expectValid(
      G.Recording,
      await call(account, token, 'PUT', `/api/v2/conversations/${conversationId}/recordings/${recs[3]!.id}`, {
        archiveDate: new Date().toISOString(),
      }),
      'restore',
    );
  });

  it('sends conversation detail events and recording topics shaped as published', async () => {
    const rec = genesys.addRecording({ seconds: 2 });
    receiver.received.length = 0;
    await genesys.emitWebhook(rec, { baseUrl: receiver.url, style: 'real' });
    await genesys.emitWebhook(rec, { baseUrl: receiver.url, style: 'recording-topic' });
    expect(receiver.received).toHaveLength(2);
    receiver.received.forEach((r, i) => expectDelivery(JSON.parse(r.body), `delivery ${i}`));
  });
});

describe('CXone simulator', () => {
  it('answers media playback for the master contact in the published shape (no duration)', async () => {
    const account = cxone.vendorAccounts()[0]!;
    const rec = cxone.addRecording({ seconds: 2, tags: ['Compliance'] });
    const token = await tokenFor(account);
    const playback = await call(
      account,
      token,
      'GET',
      `/media-playback/v1/contacts?acd-call-id=${rec.interactionId}&media-type=voice-only&exclude-waveforms=true&isDownload=true`,
    );
    expectValid(ZMediaPlaybackContact, playback, 'playback');
    expect(playback).toMatchObject({ acdcontactId: rec.interactionId, interactions: [{ callTaggingList: [{ value: 'Compliance' }] }] });
  });

  it('sends recordingReady events our own integrator contract accepts', async () => {
    const rec = cxone.addRecording({ seconds: 2 });
    receiver.received.length = 0;
    await cxone.emitWebhook(rec, { baseUrl: receiver.url });
    expectValid(ZRecordingReady, JSON.parse(receiver.received[0]!.body), 'recordingReady');
  });
});
