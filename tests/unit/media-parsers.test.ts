// Pieces of the byte-true media check that need no encoder: the bounded stream reader, container sniffing,
// the verdict rule, and WAV layouts built byte by byte (RF64, unpatched sizes, a fact chunk that lies).
import { describe, expect, it } from 'vitest';
import { createDurationProbe } from '@/lib/media/duration-probe';
import { ByteReader } from '@/lib/media/byte-reader';
import { judgeMedia } from '@/lib/media/judge-media';
import { opusPacketSamples } from '@/lib/media/opus-packet';
import { sniffContainer } from '@/lib/media/sniff-container';
import type { TMediaMeasurement } from '@/lib/media/types';

function chunk(id: string, body: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(body.length, 4);
  return Buffer.concat([h, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A mu-law WAV (8 kHz mono, 1 byte a sample) with chosen sizes; `present` data bytes actually follow. */
function mulawWav(o: {
  present: number;
  dataSize?: number;
  riffSize?: number;
  factSamples?: number;
  rf64DataSize?: number;
  rf64Samples?: number;
}): Buffer {
  const fmt = Buffer.alloc(18);
  fmt.writeUInt16LE(7, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(8000, 8);
  fmt.writeUInt16LE(1, 12);
  fmt.writeUInt16LE(8, 14);
  const parts: Buffer[] = [];
  if (o.rf64DataSize !== undefined) {
    const ds64 = Buffer.alloc(28);
    ds64.writeBigUInt64LE(BigInt(o.rf64DataSize), 8);
    ds64.writeBigUInt64LE(BigInt(o.rf64Samples ?? 0), 16);
    parts.push(chunk('ds64', ds64));
  }
  parts.push(chunk('fmt ', fmt));
  if (o.factSamples !== undefined) parts.push(chunk('fact', Buffer.from(Uint32Array.of(o.factSamples).buffer)));
  const dataHead = Buffer.alloc(8);
  dataHead.write('data', 0, 'latin1');
  dataHead.writeUInt32LE(o.dataSize ?? o.present, 4);
  parts.push(dataHead, Buffer.alloc(o.present, 0xff));
  const head = Buffer.alloc(12);
  head.write(o.rf64DataSize !== undefined ? 'RF64' : 'RIFF', 0, 'latin1');
  head.writeUInt32LE(o.riffSize ?? 4 + parts.reduce((a, b) => a + b.length, 0), 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, ...parts]);
}

async function measure(bytes: Buffer, step = 1000): Promise<TMediaMeasurement> {
  const probe = createDurationProbe();
  for (let i = 0; i < bytes.length; i += step) await probe.feed(bytes.subarray(i, i + step));
  probe.end();
  return probe.result;
}

describe('ByteReader', () => {
  it('reads and skips across chunk boundaries and reports short reads at the end', async () => {
    const r = new ByteReader();
    const fed = (async () => {
      for (const c of ['ab', 'cde', 'f', 'ghij']) await r.push(Buffer.from(c));
      r.end();
    })();
    expect((await r.peek(4)).toString()).toBe('abcd');
    expect((await r.read(3)).toString()).toBe('abc');
    expect(await r.skip(4)).toBe(4);
    expect((await r.read(10)).toString()).toBe('hij');
    expect(await r.skip(5)).toBe(0);
    expect(r.position).toBe(10);
    await fed;
  });

  it('holds the producer back while a megabyte is unread, so memory stays bounded', async () => {
    const r = new ByteReader();
    let released = false;
    void r.push(Buffer.alloc(1024 * 1024 + 1)).then(() => (released = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(false);
    await r.skip(10);
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(true);
  });
});

describe('sniffContainer', () => {
  it('names containers by their magic bytes only', () => {
    const b = (s: string, pad = 16) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(pad)]);
    expect(sniffContainer(b('RIFF\0\0\0\0WAVE'))).toBe('wav');
    expect(sniffContainer(b('RF64\xff\xff\xff\xffWAVE'))).toBe('wav');
    expect(sniffContainer(b('OggS'))).toBe('ogg');
    expect(sniffContainer(b('fLaC'))).toBe('flac');
    expect(sniffContainer(b('\0\0\0\x20ftypM4A '))).toBe('mp4');
    expect(sniffContainer(b('\x1a\x45\xdf\xa3\x9f\x42\x82\x84webm'))).toBe('webm');
    expect(sniffContainer(b('\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska'))).toBe('matroska');
    expect(sniffContainer(b('ID3\x04'))).toBe('mp3');
    expect(sniffContainer(Buffer.from([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffContainer(b('RIFF\0\0\0\0AVI '))).toBeNull();
    expect(sniffContainer(b('\x89PNG\r\n\x1a\n'))).toBeNull();
    expect(sniffContainer(b('hello world'))).toBeNull();
  });
});

describe('judgeMedia', () => {
  const m = (o: Partial<TMediaMeasurement>): TMediaMeasurement => ({
    container: 'wav',
    codec: 'pcm_mulaw',
    headerSeconds: null,
    measuredSeconds: 10,
    incomplete: null,
    error: null,
    ...o,
  });

  it('is ok only when the header claim and the vendor both agree with the bytes within the tolerance', () => {
    expect(judgeMedia(m({ headerSeconds: 11.9 }), 8.1, 2)).toEqual({ verdict: 'ok', reason: null });
    expect(judgeMedia(m({ headerSeconds: 12.5 }), 10, 2)).toEqual({
      verdict: 'truncated',
      reason: 'header claims 12.5 s, the bytes hold 10 s',
    });
    expect(judgeMedia(m({}), 12.5, 2)).toEqual({ verdict: 'truncated', reason: 'vendor says 12.5 s, the bytes hold 10 s' });
  });

  it('calls unparseable bytes invalid, and a structure cut before its index truncated', () => {
    expect(judgeMedia(m({ measuredSeconds: null, error: 'no data chunk' }), 10, 2)).toEqual({
      verdict: 'invalid',
      reason: 'no data chunk',
    });
    expect(judgeMedia(m({ measuredSeconds: null, incomplete: 'mdat declares 9 bytes, 4 present' }), 10, 2)).toEqual({
      verdict: 'truncated',
      reason: 'mdat declares 9 bytes, 4 present',
    });
  });
});

describe('WAV measured from the data bytes present', () => {
  it('takes the data size and the fact count as claims, and the bytes as the truth', async () => {
    expect(await measure(mulawWav({ present: 8000 * 3, dataSize: 8000 * 600, factSamples: 8000 * 600 }))).toMatchObject({
      codec: 'pcm_mulaw',
      headerSeconds: 600,
      measuredSeconds: 3,
    });
    // A fact chunk that lies while the data size is right is a truncation all the same.
    expect(await measure(mulawWav({ present: 8000 * 3, factSamples: 8000 * 9 }))).toMatchObject({ headerSeconds: 9, measuredSeconds: 3 });
  });

  it('measures to the end when a live recorder never patched the RIFF or data size', async () => {
    for (const [riffSize, dataSize] of [
      [0, 0],
      [0xffffffff, 0xffffffff],
      [0xffffffff, 0],
    ]) {
      expect(await measure(mulawWav({ present: 8000 * 2.5, riffSize, dataSize }), 333)).toMatchObject({
        headerSeconds: null,
        measuredSeconds: 2.5,
      });
    }
  });

  it('reads RF64 sizes and sample counts from ds64', async () => {
    expect(
      await measure(mulawWav({ present: 8000 * 4, dataSize: 0xffffffff, riffSize: 0xffffffff, rf64DataSize: 8000 * 8 })),
    ).toMatchObject({ headerSeconds: 8, measuredSeconds: 4 });
    // The fact chunk's 0xFFFFFFFF means "see ds64", not 149 hours.
    const rf64 = { present: 8000 * 4, dataSize: 0xffffffff, riffSize: 0xffffffff, rf64DataSize: 8000 * 4, factSamples: 0xffffffff };
    expect(await measure(mulawWav({ ...rf64, rf64Samples: 8000 * 4 }))).toMatchObject({ headerSeconds: 4, measuredSeconds: 4 });
    expect(await measure(mulawWav({ ...rf64, rf64Samples: 8000 * 30 }))).toMatchObject({ headerSeconds: 30, measuredSeconds: 4 });
  });

  it('refuses a WAV without a usable fmt chunk', async () => {
    const bad = mulawWav({ present: 100 });
    bad.writeUInt16LE(0, 12 + 8 + 2); // zero channels
    expect(await measure(bad)).toMatchObject({ measuredSeconds: null, error: 'fmt chunk describes no playable stream' });
  });
});

describe('Opus packet durations (RFC 6716 TOC)', () => {
  it('reads frame size and count from the TOC byte', () => {
    expect(opusPacketSamples(Buffer.from([(31 << 3) | 0]))).toBe(960); // CELT 20 ms, one frame
    expect(opusPacketSamples(Buffer.from([(1 << 3) | 1]))).toBe(1920); // SILK 20 ms, two frames
    expect(opusPacketSamples(Buffer.from([(16 << 3) | 3, 6]))).toBe(720); // CELT 2.5 ms × 6
  });
});
