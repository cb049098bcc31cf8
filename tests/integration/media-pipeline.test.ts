// The whole generated corpus through the real archive pipeline (Genesys simulator metadata, the real Ceph RGW with Object
// Lock, Postgres, the audit trail): the stored bytes are what gets measured, whatever the vendor labelled them.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { db } from '@/lib/db';
import { auditDetails, recordingKey } from '@/tests/support/archive-test-kit';
import type { TVendorClient } from '@/lib/vendors/types';
import type { TSimRecording } from '@/simulators/types';
import { generateMediaCorpus, type TCorpusEntry } from '@/tests/support/media-corpus';

const { kit } = setupArchiveKit();
let dir: string;
let corpus: TCorpusEntry[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callvault-media-pipeline-'));
  corpus = generateMediaCorpus(dir);
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The simulator's metadata (it labels every recording "wav"), but the media bytes of one corpus file. */
function serving(rec: TSimRecording, name: string): TVendorClient {
  const entry = corpus.find((e) => e.name === name)!;
  const real = kit.client(rec.account.id);
  const openMedia: TVendorClient['openMedia'] = async () => ({
    stream: createReadStream(entry.file),
    contentLength: statSync(entry.file).size,
    contentType: null,
    mediaFormat: 'wav',
  });
  return new Proxy(real, {
    get: (target, prop) => {
      if (prop === 'openMedia') return openMedia;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

type TArchived = Awaited<ReturnType<typeof archiveWith>>;
const archived = new Map<string, TArchived>();

async function archiveWith(name: string) {
  const entry = corpus.find((e) => e.name === name)!;
  const rec = kit.sim.addRecording({ seconds: entry.vendorSeconds });
  const outcome = await kit.archive(rec, {}, { client: serving(rec, name) });
  const row = await db().recording.findUniqueOrThrow({ where: { id: outcome.recordingId! }, include: { quarantineCases: true } });
  const verified = await auditDetails(recordingKey(rec), 'archive.verified');
  return { entry, outcome, row, verified };
}

/** Entries of one expected verdict whose archive outcome is not right: [] when all are. */
function wrong(expected: TCorpusEntry['expected'], isRight: (a: TArchived) => boolean) {
  return [...archived.values()]
    .filter((a) => a.entry.expected === expected && !isRight(a))
    .map((a) => ({
      name: a.entry.name,
      status: a.row.status,
      measured: a.row.measuredDurationSeconds?.toString(),
      cases: a.row.quarantineCases.map((c) => [c.reason, c.evidence]),
    }));
}

describe('the whole corpus through the archive pipeline', () => {
  beforeAll(async () => {
    for (const e of corpus) archived.set(e.name, await archiveWith(e.name));
  }, 300_000);

  it('archives every intact file with its measured duration within 0.1 s of the truth (zero false quarantines)', () => {
    expect(
      wrong(
        'ok',
        (a) =>
          a.row.status === 'ARCHIVED' &&
          a.row.quarantineCases.length === 0 &&
          Math.abs(Number(a.row.measuredDurationSeconds) - a.entry.truthSeconds!) <= 0.1,
      ),
    ).toEqual([]);
  });

  it('quarantines every cut or header-lying file as truncation_detected', () => {
    expect(
      wrong(
        'truncated',
        (a) =>
          a.row.status === 'QUARANTINED' &&
          a.row.quarantineCases.length === 1 &&
          a.row.quarantineCases[0]!.reason === 'TRUNCATION_DETECTED' &&
          a.row.quarantineCases[0]!.tags.includes('truncation_detected'),
      ),
    ).toEqual([]);
  });

  it('quarantines every non-audio file as invalid media', () => {
    expect(
      wrong(
        'invalid',
        (a) =>
          a.row.status === 'QUARANTINED' &&
          a.row.measuredDurationSeconds === null &&
          a.row.quarantineCases.map((c) => c.reason).join() === 'INVALID_MEDIA',
      ),
    ).toEqual([]);
  });

  it('keeps the evidence: an MP3 cut at 49 % whose Xing/Info header states the full length', () => {
    const { row, verified } = archived.get('mp3-cbr-cut49.mp3')!;
    const evidence = row.quarantineCases[0]!.evidence as Record<string, unknown>;
    expect(evidence).toMatchObject({
      vendorFormatLabel: 'wav',
      container: 'mp3',
      codec: 'mpeg1-layer3',
      headerDurationSeconds: 12,
      vendorDurationSeconds: 12,
    });
    expect(evidence.measuredDurationSeconds as number).toBeLessThan(6);
    expect(Number(row.measuredDurationSeconds)).toBe(evidence.measuredDurationSeconds);
    expect(Number(row.durationSeconds)).toBe(12); // the vendor's value is kept, never corrected
    expect(verified).toEqual([expect.objectContaining({ media: expect.objectContaining({ verdict: 'truncated', container: 'mp3' }) })]);
  });

  it('keeps the evidence: a header claiming 600 s over 30 s of audio, and a live WebM with no claim at all', () => {
    const lying = archived.get('wav-mulaw-claims-600.wav')!;
    expect(lying.row.quarantineCases[0]!.evidence).toMatchObject({
      headerDurationSeconds: 600,
      measuredDurationSeconds: 30,
      vendorDurationSeconds: 600,
      reason: 'header claims 600 s, the bytes hold 30 s',
    });
    const live = archived.get('webm-opus-live.webm')!;
    expect(live.verified).toEqual([
      expect.objectContaining({
        media: expect.objectContaining({ verdict: 'ok', container: 'webm', codec: 'opus', headerDurationSeconds: null }),
      }),
    ]);
  });

  it('records why an image is not audio', () => {
    const { row } = archived.get('image.png')!;
    expect(row.quarantineCases[0]!.evidence).toMatchObject({
      container: null,
      parseError: expect.stringContaining('not a recognized audio container'),
    });
  });
});
