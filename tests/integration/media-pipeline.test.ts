// Corpus files through the real archive pipeline (Genesys simulator metadata, the real Ceph RGW with Object
// Lock, Postgres, the audit trail): the stored bytes are what gets measured, whatever the vendor labelled them.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { producerRedis } from '@/lib/redis';
import { closeQueues } from '@/lib/queue/queues';
import { auditDetails, recordingKey, startArchiveKit, type TArchiveKit } from '@/lib/archive/testing/archive-test-kit';
import type { TVendorClient } from '@/lib/vendors/types';
import type { TSimRecording } from '@/simulators/types';
import { CORPUS_SECONDS, generateMediaCorpus, type TCorpusEntry } from '@/tests/support/media-corpus';

let kit: TArchiveKit;
let dir: string;
let corpus: TCorpusEntry[];

beforeAll(async () => {
  kit = await startArchiveKit();
  dir = mkdtempSync(join(tmpdir(), 'callvault-media-pipeline-'));
  corpus = generateMediaCorpus(dir);
});

afterAll(async () => {
  await kit?.stop();
  await closeQueues();
  producerRedis().disconnect();
  await db().$disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The simulator's metadata (it labels every recording "wav"), but the media bytes of one corpus file. */
function serving(rec: TSimRecording, name: string): TVendorClient {
  const entry = corpus.find((e) => e.name === name)!;
  const real = kit.client(rec.account.id);
  const openMedia: TVendorClient['openMedia'] = async () => ({ stream: createReadStream(entry.file), contentLength: statSync(entry.file).size, contentType: null, mediaFormat: 'wav' });
  return new Proxy(real, {
    get: (target, prop) => {
      if (prop === 'openMedia') return openMedia;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

async function archiveWith(name: string) {
  const rec = kit.sim.addRecording({ seconds: CORPUS_SECONDS });
  const outcome = await kit.archive(rec, {}, { client: serving(rec, name) });
  const row = await db().recording.findUniqueOrThrow({ where: { id: outcome.recordingId! }, include: { quarantineCases: true } });
  const verified = await auditDetails(recordingKey(rec), 'archive.verified');
  return { outcome, row, verified };
}

describe('media checks in the archive pipeline', () => {
  it('quarantines an MP3 cut at 49 % as truncation_detected although its Xing/Info header states the full length', async () => {
    const { row, verified } = await archiveWith('mp3-cbr-cut49.mp3');
    expect(row.status).toBe('QUARANTINED');
    expect(row.quarantineCases.map((c) => [c.reason, c.tags])).toEqual([['TRUNCATION_DETECTED', ['truncation_detected']]]);
    const evidence = row.quarantineCases[0]!.evidence as Record<string, unknown>;
    expect(evidence).toMatchObject({ vendorFormatLabel: 'wav', container: 'mp3', codec: 'mpeg1-layer3', headerDurationSeconds: 12, vendorDurationSeconds: 12 });
    expect(evidence.measuredDurationSeconds as number).toBeLessThan(6);
    expect(Number(row.measuredDurationSeconds)).toBe(evidence.measuredDurationSeconds);
    expect(Number(row.durationSeconds)).toBe(12); // the vendor's value is kept, never corrected
    expect(verified).toEqual([expect.objectContaining({ media: expect.objectContaining({ verdict: 'truncated', container: 'mp3' }) })]);
  });

  it('archives a live-recorder WebM/Opus without a Duration element, measured from its blocks', async () => {
    const { row, verified } = await archiveWith('webm-opus-live.webm');
    expect(row.status).toBe('ARCHIVED');
    expect(row.quarantineCases).toEqual([]);
    expect(Math.abs(Number(row.measuredDurationSeconds) - 12)).toBeLessThanOrEqual(0.1);
    expect(verified).toEqual([expect.objectContaining({ media: expect.objectContaining({ verdict: 'ok', container: 'webm', codec: 'opus', headerDurationSeconds: null }) })]);
  });

  it('quarantines an image as invalid media', async () => {
    const { row } = await archiveWith('image.png');
    expect(row.status).toBe('QUARANTINED');
    expect(row.quarantineCases.map((c) => c.reason)).toEqual(['INVALID_MEDIA']);
    expect(row.quarantineCases[0]!.evidence).toMatchObject({ container: null, parseError: expect.stringContaining('not a recognized audio container') });
    expect(row.measuredDurationSeconds).toBeNull();
  });
});
