// Pure pieces of the archive pipeline: hashing/counting, object keys, archive ids, search text, and the
// duration probe on generated media (including a WAV whose header claims more audio than it holds).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createDurationProbe } from '@/lib/media/duration-probe';
import { HashingStream } from '@/lib/archive/hashing-stream';
import { archiveIdFor, searchTextFor } from '@/lib/archive/recording-fields';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import { watchIdleDownload } from '@/lib/archive/watch-idle-download';
import { generateMp3 } from '@/simulators/audio/generate-mp3';
import { generateWav } from '@/simulators/audio/generate-wav';

const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

async function probe(bytes: Buffer, chunk = 4096) {
  const p = createDurationProbe();
  for (let i = 0; i < bytes.length; i += chunk) await p.feed(bytes.subarray(i, i + chunk));
  p.end();
  return p.result;
}

describe('HashingStream', () => {
  it('hashes and counts exactly what passes through', async () => {
    const data = Buffer.from('x'.repeat(100_000));
    const h = new HashingStream(data.length);
    await pipeline(Readable.from([data.subarray(0, 33_333), data.subarray(33_333)]), h, sink());
    expect(h.byteCount).toBe(100_000);
    expect(h.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('fails instead of ending when fewer bytes than Content-Length arrived', async () => {
    const h = new HashingStream(10);
    await expect(pipeline(Readable.from([Buffer.alloc(9)]), h, sink())).rejects.toMatchObject({
      code: 'short_stream',
      details: { bytesReceived: 9, contentLength: 10 },
    });
    expect(() => h.sha256).toThrow(/before the stream completed/);
  });

  it('fails on more bytes than announced, and accepts any length when none was announced', async () => {
    await expect(pipeline(Readable.from([Buffer.alloc(11)]), new HashingStream(10), sink())).rejects.toMatchObject({
      code: 'short_stream',
    });
    const open = new HashingStream(null);
    await pipeline(Readable.from([Buffer.alloc(11)]), open, sink());
    expect(open.byteCount).toBe(11);
  });
});

describe('recording object key', () => {
  const base = { vendorSource: 'GENESYS_CLOUD' as const, startTime: new Date('2024-05-14T23:30:32Z'), mediaFormat: 'wav' };

  it('is voice/<yyyy>/<mm>/<dd>/<vendor>/<id>.<ext> in UTC, the same every time', () => {
    const key = recordingObjectKey({ ...base, vendorRecordingId: 'rec-9a1b2c3d-4e5f' });
    expect(key).toBe('voice/2024/05/14/genesys-cloud/rec-9a1b2c3d-4e5f.wav');
    expect(recordingObjectKey({ ...base, vendorRecordingId: 'rec-9a1b2c3d-4e5f' })).toBe(key);
  });

  it('cannot be steered into another path by the vendor id or format', () => {
    const key = recordingObjectKey({ ...base, vendorSource: 'NICE_CXONE', vendorRecordingId: '../../x/y z', mediaFormat: 'w/a' });
    expect(key).toBe('voice/2024/05/14/nice-cxone/..%2F..%2Fx%2Fy%20z.bin');
    expect(key.split('/')).toHaveLength(6);
  });
});

describe('archive id and search text', () => {
  it('formats the archive id as the canonical record does: arch-<yyyy-mm-dd-HHMMSS>-<8 hex>', () => {
    expect(archiveIdFor('9a1b2c3d-4e5f-4789-8123-456789abcdef', new Date('2024-05-14T08:32:15.123Z'))).toBe(
      'arch-2024-05-14-083215-9a1b2c3d',
    );
  });

  it('lower-cases ids, names and numbers and skips missing ones', () => {
    const text = searchTextFor({
      archiveId: 'arch-2024-05-14-083215-9a1b2c3d',
      vendorRecordingId: 'REC-1',
      interactionId: null,
      participants: [
        { role: 'AGENT', identifier: 'agent-123', displayName: 'J. Smith' },
        { role: 'CUSTOMER', identifier: '+15550199887', displayName: null },
      ],
    });
    expect(text).toBe('arch-2024-05-14-083215-9a1b2c3d rec-1 agent-123 j. smith +15550199887');
  });
});

describe('duration probe', () => {
  it('measures WAV and MP3 durations from streamed chunks', async () => {
    expect((await probe(generateWav({ seconds: 3.5 }))).measuredSeconds).toBeCloseTo(3.5, 3);
    expect((await probe(generateMp3({ seconds: 6 }))).measuredSeconds).toBeCloseTo(6, 1);
  });

  it('believes the bytes, not a WAV header that claims more audio than the file holds', async () => {
    const full = generateWav({ seconds: 10 });
    const cut = full.subarray(0, 44 + 8000 * 2 * 6);
    const result = await probe(cut);
    expect(result.measuredSeconds).toBeCloseTo(6, 3);
    expect(result.headerSeconds).toBeCloseTo(10, 3);
  });

  it('reports media it cannot parse instead of inventing a duration', async () => {
    const result = await probe(Buffer.from('this is not audio at all, just text '.repeat(100)));
    expect(result.measuredSeconds).toBeNull();
    expect(result.error).toBeTruthy();
  });
});

describe('idle download watchdog', () => {
  it('abandons a download that stops sending, but not one held back by storage backpressure', async () => {
    const silent = new Readable({ read() {} });
    const errors: unknown[] = [];
    silent.on('error', (e) => errors.push(e));
    const held = new Readable({ read() {} });
    vi.useFakeTimers();
    let stops: (() => void)[] = [];
    try {
      stops = [watchIdleDownload(silent, 1000), watchIdleDownload(held, 1000)];
      held.pause();
      vi.advanceTimersByTime(2500);
    } finally {
      stops.forEach((stop) => stop());
      vi.useRealTimers();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(silent.destroyed).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ code: 'short_stream', kind: 'retryable' })]);
    expect(held.destroyed).toBe(false);
    held.destroy();
  });
});
