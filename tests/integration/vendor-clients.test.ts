// Vendor clients against the Genesys and CXone simulators (real HTTP on 127.0.0.1): rate limits, token
// refresh, transcoding, expiring media URLs, pagination and broken downloads, as the vendors produce them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCxoneClient } from '@/lib/vendors/cxone/client';
import { createGenesysClient } from '@/lib/vendors/genesys/client';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimulator } from '@/simulators/types';
import type { TMediaDownload, TVendorAccount, TVendorClient } from '@/lib/vendors/types';

const FAST = { backoffBaseMs: 20, backoffMaxMs: 100, notReadyDelayMs: 20 };
let genesys: TSimulator;
let cxone: TSimulator;

beforeAll(async () => {
  [genesys, cxone] = await Promise.all([startGenesysSimulator(), startCxoneSimulator()]);
});

afterAll(async () => {
  await Promise.all([genesys?.stop(), cxone?.stop()]);
});

function account(sim: TSimulator, index = 0): TVendorAccount {
  return sim.vendorAccounts()[index] as TVendorAccount;
}

function clientFor(sim: TSimulator, index = 0, pageSize?: number): TVendorClient {
  const a = account(sim, index);
  const opts = { policy: FAST, ...(pageSize ? { pageSize } : {}) };
  return a.vendorSource === 'GENESYS_CLOUD' ? createGenesysClient(a, opts) : createCxoneClient(a, opts);
}

async function readAll(download: TMediaDownload): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of download.stream) bytes += (chunk as Buffer).length;
    return { bytes, error: null };
  } catch (error) {
    return { bytes, error };
  }
}

function since(sim: TSimulator, at: number) {
  return sim.requests.filter((r) => r.at >= at);
}

describe.each([
  ['genesys', () => genesys],
  ['cxone', () => cxone],
])('%s client', (_name, sim) => {
  it('waits out 429 + Retry-After before retrying, then succeeds', async () => {
    const rec = sim().addRecording({ seconds: 3 });
    const client = clientFor(sim());
    await client.fetchMetadata(rec); // token + warm-up, so only the API call meets the fault
    const start = Date.now();
    sim().faults.retryAfterSeconds = 1;
    sim().faults.rateLimitNext = 1;
    const raw = await client.fetchMetadata(rec);
    expect(raw.payload).toBeTruthy();
    const log = since(sim(), start).filter((r) => r.kind === 'api');
    const limited = log.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    const retried = log[limited + 1];
    expect(retried?.status).toBe(200);
    expect((retried?.at ?? 0) - (log[limited]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('retries 5xx with backoff and succeeds within the bound', async () => {
    const rec = sim().addRecording({ seconds: 3 });
    const client = clientFor(sim());
    const start = Date.now();
    sim().faults.serverErrorNext = 2;
    await expect(client.fetchMetadata(rec)).resolves.toMatchObject({ schemaVersion: expect.any(String) });
    expect(since(sim(), start).filter((r) => r.status === 503)).toHaveLength(2);
  });

  it('gives up on persistent 5xx with a retryable server_error', async () => {
    const rec = sim().addRecording({ seconds: 3 });
    sim().faults.serverErrorNext = 50;
    const error = await clientFor(sim())
      .fetchMetadata(rec)
      .catch((e: unknown) => e);
    sim().faults.serverErrorNext = 0;
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ code: 'server_error', retryable: true });
  });

  it('re-authenticates transparently when the token is revoked (401)', async () => {
    const rec = sim().addRecording({ seconds: 3 });
    const client = clientFor(sim());
    await client.fetchMetadata(rec);
    sim().revokeTokens();
    const start = Date.now();
    await client.fetchMetadata(rec);
    const log = since(sim(), start);
    expect(log.filter((r) => r.status === 401)).toHaveLength(1);
    expect(log.filter((r) => r.kind === 'token' && r.status === 200)).toHaveLength(1);
  });

  it('refreshes a short-lived token before it expires, without a 401', async () => {
    sim().faults.tokenTtlSeconds = 1;
    try {
      const rec = sim().addRecording({ seconds: 3 });
      const client = clientFor(sim());
      const start = Date.now();
      await client.fetchMetadata(rec);
      // The scenario itself is the passage of time: the first token's 1 s lifetime has to run out.
      await new Promise((r) => setTimeout(r, 1100));
      await client.fetchMetadata(rec);
      const log = since(sim(), start);
      expect(log.filter((r) => r.kind === 'token')).toHaveLength(2);
      expect(log.filter((r) => r.status === 401)).toHaveLength(0);
    } finally {
      sim().faults.tokenTtlSeconds = 3600;
    }
  });

  it('replaces an expired media URL (403) with a fresh one and downloads once', async () => {
    const rec = sim().addRecording({ seconds: 2 });
    const start = Date.now();
    sim().faults.expireNextMediaUrls = 1;
    const download = await clientFor(sim()).openMedia(rec);
    const { bytes, error } = await readAll(download);
    expect(error).toBeNull();
    expect(bytes).toBe(rec.mediaSize());
    expect(download.contentLength).toBe(rec.mediaSize());
    expect(
      since(sim(), start)
        .filter((r) => r.kind === 'media')
        .map((r) => r.status),
    ).toEqual([403, 200]);
    expect(sim().downloadCount(rec.id)).toBe(1);
  });

  it('surfaces a connection cut mid-stream as a short, failed stream', async () => {
    const rec = sim().addRecording({ seconds: 4 });
    sim().faults.cutAfterBytes = 5000;
    sim().faults.cutNextStreams = 1;
    const download = await clientFor(sim()).openMedia(rec);
    const { bytes, error } = await readAll(download);
    expect(download.contentLength).toBe(rec.mediaSize());
    expect(bytes).toBe(5000);
    expect(bytes).toBeLessThan(download.contentLength ?? 0);
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ code: 'truncated_stream', retryable: true, details: { bytesReceived: 5000 } });
    expect(sim().downloadStarts(rec.id)).toBe(1);
    expect(sim().downloadCount(rec.id)).toBe(0);
  });

  it('walks every page of the listing exactly once', async () => {
    const a = account(sim(), 1);
    const before = new Date(Date.now() - 1000);
    const recs = Array.from({ length: 5 }, () => sim().addRecording({ seconds: 2, accountId: a.id }));
    // CXone pages by what the server returns (HAL next link); Genesys by the page size the client asks for.
    sim().faults.maxPageSize = 2;
    try {
      const client = clientFor(sim(), 1, 2);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await client.listRecordings({ cursor, updatedSince: before });
        seen.push(...page.recordings.map((r) => r.vendorRecordingId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(seen.length);
      const ours = new Set(recs.map((r) => r.id));
      expect(seen.filter((id) => ours.has(id)).sort()).toEqual([...ours].sort());
    } finally {
      sim().faults.maxPageSize = 1000;
    }
  });

  it("does not see another account's recordings", async () => {
    const other = sim().addRecording({ seconds: 2, accountId: account(sim(), 1).id });
    const error = await clientFor(sim(), 0)
      .fetchMetadata(other)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_found', retryable: false });
  });
});

describe('genesys specifics', () => {
  it('waits out 202 (transcoding) and then returns the recording', async () => {
    const rec = genesys.addRecording({ seconds: 3, pendingPolls: 2 });
    const start = Date.now();
    const raw = await clientFor(genesys).fetchMetadata(rec);
    expect((raw.payload as { recording: { id: string } }).recording.id).toBe(rec.id);
    const statuses = since(genesys, start)
      .filter((r) => r.path.endsWith('/recordings'))
      .map((r) => r.status);
    expect(statuses).toEqual([202, 202, 200]);
  });

  it('gives up on endless transcoding with a retryable not_ready', async () => {
    const rec = genesys.addRecording({ seconds: 3, pendingPolls: 100 });
    const client = createGenesysClient(account(genesys), { policy: { ...FAST, notReadyPolls: 2 } });
    await expect(client.fetchMetadata(rec)).rejects.toMatchObject({ code: 'not_ready', retryable: true });
  });

  it('resolves a conversation-end event into its recordings', async () => {
    const conversationId = crypto.randomUUID();
    const recs = [
      genesys.addRecording({ interactionId: conversationId, pendingPolls: 1 }),
      genesys.addRecording({ interactionId: conversationId }),
    ];
    const { recordings: listed } = await clientFor(genesys).listInteractionRecordings(conversationId);
    expect(listed.map((r) => r.vendorRecordingId).sort()).toEqual(recs.map((r) => r.id).sort());
    expect(listed.every((r) => r.interactionId === conversationId && /^\d{4}-\d{2}-\d{2}$/.test(r.interactionDate ?? ''))).toBe(true);
  });

  it('restores an ARCHIVED recording (archive date moved) and fetches it once restored', async () => {
    const rec = genesys.addRecording({ seconds: 2, fileState: 'ARCHIVED' });
    const client = clientFor(genesys);
    await expect(client.fetchMetadata(rec)).rejects.toMatchObject({ code: 'not_ready', retryable: true });
    expect(rec.fileState).toBe('RESTORING');
    expect(genesys.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/recordings/${rec.id}`))).toHaveLength(1);
    await expect(client.fetchMetadata(rec)).rejects.toMatchObject({ code: 'not_ready' });
    const raw = await client.fetchMetadata(rec);
    expect(raw.payload).toMatchObject({ recording: { id: rec.id, fileState: 'RESTORED' } });
    expect((await readAll(await client.openMedia(rec))).bytes).toBe(rec.mediaSize());
  });

  it('gives up at once on a DELETED recording (no retry brings it back)', async () => {
    const rec = genesys.addRecording({ seconds: 2, fileState: 'DELETED' });
    await expect(clientFor(genesys).fetchMetadata(rec)).rejects.toMatchObject({ code: 'media_unavailable', retryable: false });
  });

  it('refuses a download whose size differs from the stated outputSizeInBytes', async () => {
    const rec = genesys.addRecording({ seconds: 2 });
    rec.statedSizeBytes = rec.mediaSize() + 1000;
    await expect(clientFor(genesys).openMedia(rec)).rejects.toMatchObject({ code: 'size_mismatch', retryable: true });
  });

  it('lists only audio recordings of a conversation, reporting each skipped one with its reason', async () => {
    const conversationId = crypto.randomUUID();
    const audio = genesys.addRecording({ interactionId: conversationId, seconds: 2 });
    const screen = genesys.addRecording({ interactionId: conversationId, seconds: 2, mediaKind: 'screen' });
    const client = createGenesysClient(account(genesys), { policy: FAST });
    const { recordings, skipped } = await client.listInteractionRecordings(conversationId);
    expect(recordings.map((r) => r.vendorRecordingId)).toEqual([audio.id]);
    expect(skipped).toEqual([
      {
        vendorRecordingId: screen.id,
        interactionId: conversationId,
        media: 'screen',
        reason: 'screen recording: only audio recordings are archived',
      },
    ]);
  });

  it('refuses to guess a recording without its conversation id', async () => {
    await expect(clientFor(genesys).fetchMetadata({ vendorRecordingId: 'x', interactionId: null })).rejects.toMatchObject({
      code: 'missing_interaction',
      retryable: false,
    });
  });

  it('rejects wrong client credentials as auth_failed (not retried forever)', async () => {
    const client = createGenesysClient({ ...account(genesys), clientSecret: 'wrong-secret-value' }, { policy: FAST });
    await expect(client.listInteractionRecordings('nope')).rejects.toMatchObject({ code: 'auth_failed', retryable: false });
  });
});

describe('transport policy', () => {
  it('refuses plain http to a non-local host before connecting', async () => {
    const a = {
      ...account(genesys),
      apiBaseUrl: 'http://api.mypurecloud.example',
      authUrl: 'http://login.mypurecloud.example/oauth/token',
    };
    await expect(createGenesysClient(a).listInteractionRecordings('c')).rejects.toMatchObject({
      code: 'config',
      message: expect.stringMatching(/must use https/),
    });
  });
});
