// Generated test audio: exact durations as a real parser reads them, deterministic per seed, streamable,
// and speech-like (voiced stretches and pauses rather than a tone or silence).
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { generateMp3 } from '@/simulators/audio/generate-mp3';
import { generateWav, wavByteLength, wavStream } from '@/simulators/audio/generate-wav';

function windowsRms(wav: Buffer, sampleRate: number, windowMs = 50): number[] {
  const pcm = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
  const size = (sampleRate * windowMs) / 1000;
  const out: number[] = [];
  for (let i = 0; i + size <= pcm.length; i += size) {
    let sum = 0;
    for (let j = i; j < i + size; j++) sum += (pcm[j] ?? 0) ** 2;
    out.push(Math.sqrt(sum / size));
  }
  return out;
}

describe('generateWav', () => {
  it.each([
    [0.5, 8000],
    [7.25, 8000],
    [61.7, 16000],
  ] as const)('%s s at %s Hz parses to exactly that', async (seconds, sampleRate) => {
    const wav = generateWav({ seconds, sampleRate, seed: 3 });
    expect(wav.length).toBe(wavByteLength({ seconds, sampleRate }));
    const meta = await parseBuffer(wav, { mimeType: 'audio/wav' });
    expect(meta.format).toMatchObject({ sampleRate, numberOfChannels: 1, bitsPerSample: 16 });
    expect(Math.abs((meta.format.duration ?? 0) - seconds)).toBeLessThan(0.001);
  });

  it('is deterministic per seed', () => {
    expect(generateWav({ seconds: 2, seed: 7 }).equals(generateWav({ seconds: 2, seed: 7 }))).toBe(true);
    expect(generateWav({ seconds: 2, seed: 7 }).equals(generateWav({ seconds: 2, seed: 8 }))).toBe(false);
  });

  it('sounds like speech: loud voiced stretches and quiet pauses', () => {
    const rms = windowsRms(generateWav({ seconds: 20, seed: 5 }), 8000);
    const loud = rms.filter((r) => r > 1500).length / rms.length;
    const quiet = rms.filter((r) => r < 100).length / rms.length;
    expect(loud).toBeGreaterThan(0.25);
    expect(quiet).toBeGreaterThan(0.1);
  });

  it('rejects unsupported rates and negative durations', () => {
    expect(() => generateWav({ seconds: 1, sampleRate: 44100 })).toThrow(/8000 or 16000/);
    expect(() => generateWav({ seconds: -1 })).toThrow(/seconds/);
  });
});

describe('wavStream', () => {
  it('yields exactly the bytes of generateWav, in chunks', async () => {
    const chunks: Buffer[] = [];
    for await (const c of wavStream({ seconds: 9, sampleRate: 16000, seed: 11 })) chunks.push(c as Buffer);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(generateWav({ seconds: 9, sampleRate: 16000, seed: 11 }))).toBe(true);
  });

  it('announces a multi-hour size without producing it up front', () => {
    const stream = wavStream({ seconds: 7200, sampleRate: 8000 });
    const header = stream.read(44) as Buffer;
    expect(header.readUInt32LE(40)).toBe(7200 * 8000 * 2);
    expect(stream.readableLength).toBeLessThan(1024 * 1024);
    stream.destroy();
  });
});

describe('generateMp3', () => {
  it.each([1, 4.3, 30])('%s s parses to that duration (±0.1 s), by frame count and by bitrate', async (seconds) => {
    const mp3 = generateMp3({ seconds, seed: 2 });
    const estimated = await parseBuffer(mp3, { mimeType: 'audio/mpeg' });
    const counted = await parseBuffer(mp3, { mimeType: 'audio/mpeg' }, { duration: true });
    expect(estimated.format.codec).toMatch(/MPEG 2 Layer 3/);
    expect(Math.abs((estimated.format.duration ?? 0) - seconds)).toBeLessThan(0.1);
    expect(Math.abs((counted.format.duration ?? 0) - seconds)).toBeLessThan(0.1);
  });

  it('is deterministic per seed', () => {
    expect(generateMp3({ seconds: 1, seed: 4 }).equals(generateMp3({ seconds: 1, seed: 4 }))).toBe(true);
  });
});
