// Vendor shapes end to end, through the real webhook routes, workers, Postgres, Redis and the test Ceph RGW:
// - a Genesys conversation holding a good audio recording, a recording with the documented nulls and a screen
//   recording, announced by an EventBridge customer.end delivery authenticated by an API-key header only (an
//   EventBridge API destination cannot sign): the good one is archived, the null one quarantined on its own,
//   the screen one skipped with an audit entry;
// - a CXone recording whose playback answer has the published Media Playback shape (no duration, the master
//   contact as acd-call-id, callTaggingList): archived with its duration derived from start/end.
// Every metadata response is kept as the exact bytes received, next to their sha256.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { db } from '@/lib/db';
import { idempotencyKey } from '@/lib/queue/contracts';
import { conversationEndEvent } from '@/simulators/genesys/payloads';
import { runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';

const GEN = `e2e-gen-${runId}`;
const CX = `e2e-cx-${runId}`;
const API_KEY = `eventbridge-key-${runId}-0123456789`;

// The Genesys account signs with HMAC for other senders, and takes EventBridge's API-key header as the alternative.
const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com', { hmac: true })] },
  cxone: { accounts: [simAccount(CX, 'na1', { bearer: true })] },
  accountJson: (a) => (a.id === GEN ? { ...a, webhookApiKey: API_KEY } : a),
  routes: true,
  workers: { schedule: false, metricsPort: null, archiveConcurrency: 4 },
});

const recordingRow = (vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE', vendorRecordingId: string) =>
  db().recording.findUnique({
    where: { vendorSource_vendorRecordingId: { vendorSource, vendorRecordingId } },
    include: { quarantineCases: true, participants: { orderBy: { position: 'asc' } } },
  });

async function settled(vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE', id: string): Promise<boolean> {
  const row = await recordingRow(vendorSource, id);
  return row?.status === 'ARCHIVED' || row?.status === 'QUARANTINED';
}

/** The metadata responses kept for a recording: bytes as received, hashed as received. */
async function keptResponses(vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE', vendorRecordingId: string) {
  const rows = await db().rawVendorPayload.findMany({
    where: { vendorSource, vendorRecordingId, kind: 'metadata-response' },
    orderBy: { receivedAt: 'asc' },
  });
  for (const row of rows) expect(createHash('sha256').update(row.rawBody!).digest('hex')).toBe(row.sha256);
  return rows.map((r) => ({ source: r.source ?? '', text: Buffer.from(r.rawBody!).toString('utf8') }));
}

describe('vendor shapes end to end', () => {
  it(
    'Genesys: one conversation, a good recording archived, a null-field one quarantined, a screen one skipped with a reason',
    { timeout: 90_000 },
    async () => {
      const conversationId = crypto.randomUUID();
      const good = stack.genesys.addRecording({ interactionId: conversationId, seconds: 2, tags: ['Compliance'] });
      const nulls = stack.genesys.addRecording({ interactionId: conversationId, seconds: 2, missing: ['startTime', 'endTime'] });
      const screen = stack.genesys.addRecording({ interactionId: conversationId, seconds: 2, mediaKind: 'screen' });

      const body = JSON.stringify(conversationEndEvent(good));
      const res = await fetch(`${stack.routes.url}/api/webhooks/genesys?account=${GEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-callvault-api-key': API_KEY },
        body,
      });
      expect(res.status).toBe(202);
      const wrongKey = await fetch(`${stack.routes.url}/api/webhooks/genesys?account=${GEN}`, {
        method: 'POST',
        headers: { 'x-callvault-api-key': `${API_KEY}x` },
        body,
      });
      expect(wrongKey.status).toBe(401);

      await waitFor(
        'both audio recordings settled',
        async () => (await settled('GENESYS_CLOUD', good.id)) && (await settled('GENESYS_CLOUD', nulls.id)),
        60_000,
        200,
      );
      const archived = await recordingRow('GENESYS_CLOUD', good.id);
      expect(archived).toMatchObject({
        status: 'ARCHIVED',
        interactionId: conversationId,
        durationSource: 'vendor',
        complianceTags: ['compliance'],
      });
      expect(Number(archived?.durationSeconds)).toBe(2);
      const quarantined = await recordingRow('GENESYS_CLOUD', nulls.id);
      expect(quarantined?.status).toBe('QUARANTINED');
      expect(quarantined?.quarantineCases[0]?.reason).toBe('INVALID_METADATA');
      expect(JSON.stringify(quarantined?.quarantineCases[0]?.evidence)).toContain('startTime');

      expect(await recordingRow('GENESYS_CLOUD', screen.id)).toBeNull();
      const skippedWhere = { action: 'ingest.recording_skipped', subjectId: idempotencyKey('GENESYS_CLOUD', screen.id) };
      // Audit entries are chained by a sequencer shortly after they are written.
      await waitFor('the skip on the audit chain', async () => (await db().auditEntry.count({ where: skippedWhere })) > 0, 30_000, 200);
      const skipped = await db().auditEntry.findMany({ where: skippedWhere });
      expect(skipped.map((e) => e.details)).toEqual([
        expect.objectContaining({ interactionId: conversationId, media: 'screen', reason: expect.stringContaining('only audio') }),
      ]);

      const kept = await keptResponses('GENESYS_CLOUD', good.id);
      expect(kept.map((k) => k.source)).toEqual([
        `GET /api/v2/conversations/${conversationId}/recordings?maxWaitMs=5000&formatId=WAV`,
        `GET /api/v2/analytics/conversations/${conversationId}/details`,
      ]);
      // The kept recordings answer is the vendor's whole array, nulls of the other recording included.
      expect(JSON.parse(kept[0]!.text)).toEqual(expect.arrayContaining([expect.objectContaining({ id: nulls.id, startTime: null })]));
    },
  );

  it(
    'CXone: a recording shaped like the published Media Playback types is archived, its duration derived and marked so',
    { timeout: 90_000 },
    async () => {
      const master = String(700_000_000 + Math.floor(Math.random() * 1_000_000));
      const rec = stack.cxone.addRecording({ interactionId: master, seconds: 3, tags: ['Compliance', 'PCI-Scoped'] });
      expect(rec.id).not.toBe(master);
      const results = await stack.cxone.emitWebhook(rec, { baseUrl: stack.routes.url });
      expect(results.map((r) => r.status)).toEqual([202]);

      await waitFor('CXone recording settled', () => settled('NICE_CXONE', rec.id), 60_000, 200);
      const row = await recordingRow('NICE_CXONE', rec.id);
      expect(row).toMatchObject({
        status: 'ARCHIVED',
        interactionId: master,
        durationSource: 'derived',
        complianceTags: ['compliance', 'pci-scoped'],
        mediaFormat: 'mp3',
      });
      expect(Number(row?.durationSeconds)).toBe(3);
      expect(Number(row?.measuredDurationSeconds)).toBeCloseTo(3, 0);

      const kept = await keptResponses('NICE_CXONE', rec.id);
      expect(kept.map((k) => k.source)).toEqual([
        expect.stringMatching(new RegExp(`^GET /incontactapi/services/v\\d+\\.0/contacts/${rec.id}$`)),
        expect.stringContaining(`/media-playback/v1/contacts?acd-call-id=${master}&`),
      ]);
      expect(JSON.parse(kept[1]!.text)).not.toHaveProperty('interactions.0.data.duration');
    },
  );
});
