// The simulators themselves, as the other suites and the demo rely on them: webhook delivery (signed,
// duplicated, shuffled, concurrent), payloads our own schemas accept, media of the stated (or truncated)
// length, missing metadata that normalization rejects, and the VENDOR_ACCOUNTS value they print.
import { createHmac } from 'node:crypto';
import { parseBuffer } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type TReceivedRequest, type TWebhookReceiver } from '@/tests/support/start-webhook-receiver';
import { parseVendorAccounts } from '@/lib/vendors/accounts';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import { parseWebhook as parseCxone } from '@/lib/vendors/cxone/webhook-schema';
import { parseWebhook as parseGenesys } from '@/lib/vendors/genesys/webhook-schema';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';
import { demoAccounts } from '@/simulators/core/demo-accounts';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimulator } from '@/simulators/types';

let genesys: TSimulator;
let cxone: TSimulator;
let receiver: TWebhookReceiver;

beforeAll(async () => {
  [genesys, cxone] = await Promise.all([startGenesysSimulator(), startCxoneSimulator()]);
  // Answers a little later so concurrent deliveries overlap.
  receiver = await startWebhookReceiver(15);
});

afterAll(async () => {
  await Promise.all([genesys?.stop(), cxone?.stop(), receiver?.stop()]);
});

function hmacValid(secret: string, r: TReceivedRequest): boolean {
  const ts = r.headers['x-callvault-timestamp'] as string;
  const expected = createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex');
  return r.headers['x-callvault-signature'] === `sha256=${expected}`;
}

describe('webhook emitter', () => {
  it('delivers each event N times with the same event id, signed, concurrently, in shuffled order', async () => {
    const account = genesys.accounts[0]!;
    const recs = Array.from({ length: 6 }, () => genesys.addRecording({ accountId: account.id, seconds: 2 }));
    receiver.received.length = 0;
    receiver.maxInFlight = 0;
    const results = await genesys.emitAll(recs, { baseUrl: receiver.url, duplicates: 3, shuffle: 42, concurrency: 4 });
    expect(results).toHaveLength(18);
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(receiver.received).toHaveLength(18);
    expect(receiver.maxInFlight).toBeGreaterThan(1);
    const bodies = receiver.received.map((r) => parseGenesys(JSON.parse(r.body)));
    for (const rec of recs) {
      const mine = bodies.filter((b) => b.kind === 'recording' && b.vendorRecordingId === rec.id);
      expect(mine).toHaveLength(3);
      expect(new Set(mine.map((b) => b.vendorEventId)).size).toBe(1);
      expect(mine[0]).toMatchObject({ interactionId: rec.interactionId, eventType: 'recording.completed' });
    }
    const order = bodies.map((b) => (b.kind === 'recording' ? b.vendorRecordingId : ''));
    const grouped = recs.flatMap((r) => [r.id, r.id, r.id]);
    expect(order).not.toEqual(grouped);
    for (const r of receiver.received) {
      expect(r.path).toBe(`/api/webhooks/genesys?account=${account.id}`);
      expect(r.headers.authorization).toBe(`Bearer ${account.webhookBearerToken}`);
      expect(hmacValid(account.webhookHmacSecret!, r)).toBe(true);
    }
  });

  it('sends EventBridge conversation-end events (one per conversation) that parse as interactions', async () => {
    const conversationId = crypto.randomUUID();
    const recs = [genesys.addRecording({ interactionId: conversationId }), genesys.addRecording({ interactionId: conversationId })];
    receiver.received.length = 0;
    await genesys.emitAll(recs, { baseUrl: receiver.url, style: 'real' });
    expect(receiver.received).toHaveLength(1);
    expect(parseGenesys(JSON.parse(receiver.received[0]!.body))).toMatchObject({
      kind: 'interaction',
      interactionId: conversationId,
      eventType: 'v2.detail.events.conversation.{id}.customer.end',
    });
  });

  it('sends CXone recordingReady events that parse, and can tamper with the signature', async () => {
    const account = cxone.accounts[1]!;
    const rec = cxone.addRecording({ accountId: account.id, seconds: 2 });
    receiver.received.length = 0;
    await cxone.emitWebhook(rec, { baseUrl: receiver.url });
    await cxone.emitWebhook(rec, { baseUrl: receiver.url, tamper: true });
    expect(parseCxone(JSON.parse(receiver.received[0]!.body))).toMatchObject({
      kind: 'recording',
      vendorRecordingId: rec.id,
      eventType: 'recordingReady',
    });
    expect(receiver.received[0]!.path).toBe(`/api/webhooks/cxone?account=${account.id}`);
    expect(hmacValid(account.webhookHmacSecret!, receiver.received[0]!)).toBe(true);
    expect(hmacValid(account.webhookHmacSecret!, receiver.received[1]!)).toBe(false);
    expect(receiver.received[1]!.headers.authorization).not.toBe(`Bearer ${account.webhookBearerToken}`);
  });
});

describe.each([
  ['genesys', () => genesys],
  ['cxone', () => cxone],
])('%s simulated recordings', (_name, sim) => {
  it('serve media whose parsed duration is the stated one, or shorter when truncated', async () => {
    const client = createVendorClient(sim().vendorAccounts()[0]!);
    for (const [seconds, mediaSeconds] of [
      [6, 6],
      [6, 3],
    ] as const) {
      const rec = sim().addRecording({ seconds, mediaSeconds });
      const download = await client.openMedia(rec);
      const chunks: Buffer[] = [];
      for await (const c of download.stream) chunks.push(c as Buffer);
      const parsed = await parseBuffer(Buffer.concat(chunks), { mimeType: download.contentType ?? undefined });
      expect(Math.abs((parsed.format.duration ?? 0) - mediaSeconds)).toBeLessThan(0.1);
      const raw = await client.fetchMetadata(rec);
      const normalized = normalizeMetadata(raw.schemaVersion.startsWith('genesys') ? 'GENESYS_CLOUD' : 'NICE_CXONE', raw, client.account);
      expect(normalized).toMatchObject({ ok: true, record: { durationSeconds: seconds, vendorRecordingId: rec.id } });
    }
  });

  it.each(['startTime', 'endTime', 'duration', 'direction', 'participants'] as const)(
    'leave out %s, which normalization reports',
    async (field) => {
      const client = createVendorClient(sim().vendorAccounts()[0]!);
      const rec = sim().addRecording({ seconds: 2, missing: [field] });
      const raw = await client.fetchMetadata(rec);
      const result = normalizeMetadata(client.account.vendorSource, raw, client.account);
      const canonical = {
        startTime: 'startTime',
        endTime: 'endTime',
        duration: 'durationSeconds',
        direction: 'direction',
        participants: 'participants',
      }[field];
      if (field === 'duration' && client.account.vendorSource === 'NICE_CXONE') {
        // The Media Playback API has no duration field to leave out: it is always derived from start/end.
        expect(result).toMatchObject({ ok: true, record: { durationSeconds: 2, durationSource: 'derived' } });
        return;
      }
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ field: canonical, problem: 'missing' }));
    },
  );
});

describe('demo accounts', () => {
  it('print a VENDOR_ACCOUNTS value the app accepts, with residency derived from the instance', async () => {
    const accounts = demoAccounts('seed-1');
    const [g, c] = await Promise.all([
      startGenesysSimulator({ accounts: accounts.genesys }),
      startCxoneSimulator({ accounts: accounts.cxone }),
    ]);
    try {
      const parsed = parseVendorAccounts(JSON.stringify([...g.vendorAccountsJson(), ...c.vendorAccountsJson()]), ['us', 'eu']);
      expect(parsed.map((a) => [a.id, a.vendorSource, a.residencyRegion])).toEqual([
        ['genesys-us', 'GENESYS_CLOUD', 'us'],
        ['genesys-eu', 'GENESYS_CLOUD', 'eu'],
        ['cxone-na1', 'NICE_CXONE', 'us'],
        ['cxone-eu1', 'NICE_CXONE', 'eu'],
      ]);
      expect(demoAccounts('seed-1')).toEqual(accounts);
      expect(demoAccounts('seed-2').genesys[0]!.clientSecret).not.toBe(accounts.genesys[0]!.clientSecret);
    } finally {
      await Promise.all([g.stop(), c.stop()]);
    }
  });
});
