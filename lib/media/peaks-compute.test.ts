// Peaks of real encoded media made by sox/ffmpeg at test time: a stereo tone whose left channel is four
// times as loud as its right, as WAV and as MP3, and a sample-exact check of the accumulator itself.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { PeaksAccumulator } from '@/lib/media/peaks-accumulator';
import { computePeaks } from '@/lib/media/peaks-compute';
import { peaksByChannel, ZPeaks } from '@/lib/media/peaks-format';

const dir = mkdtempSync(join(tmpdir(), 'peaks-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3 s of 440 Hz at 8 kHz: left at 0.8 of full scale, right at 0.2. */
function stereoTone(ext: 'wav' | 'mp3'): string {
  const wav = join(dir, 'tone.wav');
  execFileSync('sox', ['-r', '8000', '-c', '2', '-n', '-b', '16', wav, 'synth', '3', 'sine', '440', 'remix', '1v0.8', '2v0.2'], {
    stdio: 'pipe',
  });
  if (ext === 'wav') return wav;
  const mp3 = join(dir, 'tone.mp3');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '64k', mp3], {
    stdio: 'pipe',
  });
  return mp3;
}

const maxAbs = (lane: Float32Array) => lane.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('computePeaks', () => {
  it.each(['wav', 'mp3'] as const)('keeps each channel of a %s apart: left louder than right', async (ext) => {
    const peaks = ZPeaks.parse(await computePeaks(createReadStream(stereoTone(ext))));
    expect(peaks.channels).toBe(2);
    expect(peaks.sample_rate).toBe(8000);
    expect(peaks.samples_per_pixel).toBe(160); // 50 buckets per second
    expect(peaks.duration_seconds).toBeGreaterThan(2.95);
    expect(peaks.duration_seconds).toBeLessThan(3.1);
    expect(peaks.length).toBe(Math.ceil((peaks.duration_seconds * 8000) / 160));
    const [left, right] = peaksByChannel(peaks);
    expect(maxAbs(left!)).toBeGreaterThan(0.7);
    expect(maxAbs(left!)).toBeLessThan(0.9);
    expect(maxAbs(right!)).toBeGreaterThan(0.15);
    expect(maxAbs(right!)).toBeLessThan(0.26);
    // A bucket in the middle: a 440 Hz tone swings both ways within 20 ms.
    const mid = Math.floor(peaks.length / 2) * 2;
    expect(left![mid]).toBeLessThan(-0.7);
    expect(left![mid + 1]).toBeGreaterThan(0.7);
  });

  it("rejects bytes that are not audio with ffmpeg's reason", async () => {
    await expect(computePeaks(Readable.from([Buffer.from('this is not audio at all '.repeat(200))]))).rejects.toThrow(
      /could not decode|no audio/,
    );
  });
});

describe('PeaksAccumulator', () => {
  it('merges buckets pairwise once full, so memory stays fixed whatever the length', () => {
    const acc = new PeaksAccumulator(100, 1, 4); // 2 samples per bucket, at most 4 buckets
    const samples = Int16Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -11, 12].map((v) => v * 256));
    // Frames split at odd byte offsets must be carried over.
    const bytes = Buffer.from(samples.buffer);
    acc.push(bytes.subarray(0, 5));
    acc.push(bytes.subarray(5));
    const p = acc.finish();
    expect(p.samples_per_pixel).toBe(4);
    expect(p.length).toBe(3);
    expect(p.data).toEqual([1, 4, 5, 8, -11, 12]);
    expect(p.duration_seconds).toBe(0.12);
  });
});
