// The generated corpus (Debian's ffmpeg and sox) through the same probe and verdict the archive pipeline
// uses, and through the media:check command operators run: intact files measured within 0.1 s of the truth,
// cut or header-lying files truncated, non-audio invalid, and no false quarantine.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurationProbe } from '@/lib/media/duration-probe';
import { checkMediaFile, type TMediaCheckLine } from '@/lib/media/check-media-file';
import { generateMediaCorpus, type TCorpusEntry } from '@/tests/support/media-corpus';

const run = promisify(execFile);
const TOLERANCE = 2;
let dir: string;
let corpus: TCorpusEntry[];
const results = new Map<string, TMediaCheckLine>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callvault-media-'));
  corpus = generateMediaCorpus(dir);
  for (const e of corpus)
    results.set(
      e.name,
      await checkMediaFile(e.file, { vendorSeconds: e.vendorSeconds, formatLabel: e.label, toleranceSeconds: TOLERANCE }),
    );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every entry of one expected verdict that the check got wrong, with what it said: [] when all are right. */
function wrong(expected: TCorpusEntry['expected'], isRight: (e: TCorpusEntry, r: TMediaCheckLine) => boolean) {
  return corpus
    .filter((e) => e.expected === expected)
    .flatMap((e) => (isRight(e, results.get(e.name)!) ? [] : [{ name: e.name, got: results.get(e.name) }]));
}

describe('media corpus', () => {
  it('covers every container and failure it is meant to', () => {
    const count = (v: TCorpusEntry['expected']) => corpus.filter((e) => e.expected === v).length;
    expect([count('ok'), count('truncated'), count('invalid')]).toEqual([22, 13, 4]);
    expect(new Set(corpus.filter((e) => e.expected === 'ok').map((e) => e.container))).toEqual(
      new Set(['wav', 'mp3', 'ogg', 'webm', 'matroska', 'mp4', 'flac']),
    );
  });

  it('finds every intact file ok, measured within 0.1 s of the truth, container and codec from the bytes (zero false quarantines)', () => {
    expect(
      wrong(
        'ok',
        (e, r) =>
          r.verdict === 'ok' && Math.abs(r.measuredSeconds! - e.truthSeconds!) <= 0.1 && r.container === e.container && r.codec === e.codec,
      ),
    ).toEqual([]);
  });

  it('finds every cut or header-lying file truncated, the claim or the vendor kept next to the shorter measurement', () => {
    expect(
      wrong(
        'truncated',
        (e, r) =>
          r.verdict === 'truncated' &&
          r.container === e.container &&
          (r.measuredSeconds === null || r.measuredSeconds < e.vendorSeconds - TOLERANCE),
      ),
    ).toEqual([]);
    expect(results.get('wav-mulaw-claims-600.wav')).toMatchObject({
      headerSeconds: 600,
      measuredSeconds: 30,
      reason: 'header claims 600 s, the bytes hold 30 s',
    });
    for (const name of ['mp3-cbr-cut49.mp3', 'mp3-vbr-cut49.mp3', 'wav-gsm-cut.wav', 'flac-cut.flac', 'm4a-aac-faststart-mdat-cut.m4a']) {
      expect(results.get(name)?.headerSeconds, name).toBeCloseTo(12, 1);
    }
    expect(results.get('m4a-aac-index-lost.m4a')).toMatchObject({
      measuredSeconds: null,
      reason: expect.stringMatching(/mdat declares \d+ bytes, \d+ present/),
    });
  });

  it('finds every non-audio file invalid, whatever it was labelled', () => {
    expect(wrong('invalid', (_e, r) => r.verdict === 'invalid' && r.measuredSeconds === null && !!r.reason)).toEqual([]);
  });

  it('identifies by content: a label that disagrees is reported, not followed; live-recorder files carry no claim', () => {
    expect(results.get('mp3-labelled-wav.mp3')).toMatchObject({
      container: 'mp3',
      verdict: 'ok',
      reason: 'content is mp3 although labelled wav',
    });
    for (const name of ['wav-unpatched-zero.wav', 'wav-unpatched-ffffffff.wav', 'wav-mulaw-unpatched-fact.wav', 'webm-opus-live.webm']) {
      expect(results.get(name)?.headerSeconds, name).toBeNull();
    }
    expect(results.get('webm-opus.webm')?.headerSeconds).toBeCloseTo(12, 1);
  });

  it('measures the same whatever the chunking of the stream', async () => {
    for (const name of ['mp3-vbr-cut49.mp3', 'webm-opus-live.webm', 'flac-cut.flac', 'm4a-aac-faststart-mdat-cut.m4a', 'ogg-vorbis.ogg']) {
      const bytes = readFileSync(join(dir, name));
      const probe = createDurationProbe();
      for (let i = 0; i < bytes.length; i += 997) await probe.feed(bytes.subarray(i, i + 997));
      probe.end();
      const m = await probe.result;
      expect(m.measuredSeconds === null ? null : Math.round(m.measuredSeconds * 1000) / 1000, name).toBe(
        results.get(name)?.measuredSeconds,
      );
    }
  });

  it('media:check prints exactly one JSON line and exits 0 for any verdict, 2 for a usage error', async () => {
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/media-check.ts', ...args], {
        env: { ...process.env, DURATION_TOLERANCE_SECONDS: '2' },
      });
    for (const name of ['mp3-cbr-cut49.mp3', 'image.png']) {
      const e = corpus.find((x) => x.name === name)!;
      const { stdout } = await cli(e.file, '--vendor-seconds', String(e.vendorSeconds), '--format', e.label);
      expect(stdout.endsWith('\n') && stdout.trim().split('\n')).toHaveLength(1);
      const line = JSON.parse(stdout);
      expect(Object.keys(line)).toEqual(['container', 'codec', 'headerSeconds', 'measuredSeconds', 'verdict', 'reason']);
      expect(line).toEqual(results.get(name));
    }
    await expect(cli(join(dir, 'flac.flac'))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--vendor-seconds') });
    await expect(cli(join(dir, 'missing.wav'), '--vendor-seconds', '3')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a file'),
    });
  });
});
