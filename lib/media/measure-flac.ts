// FLAC: measured = samples of the complete frames present (a frame counts when the next valid header follows
// it, or, for the last one, when its CRC-16 matches). STREAMINFO's total sample count is the header's claim.
import type { ByteReader } from '@/lib/media/byte-reader';
import { flacCrc16, parseFlacFrame, type TFlacFrame } from '@/lib/media/flac-frame';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

const MAX_FRAME = 1024 * 1024;
const HEADER_MAX = 16;

type TStreamInfo = { blockSize: number; rate: number; totalSamples: number };

async function readMetadata(reader: ByteReader): Promise<TStreamInfo | string> {
  await reader.skip(4);
  let info: TStreamInfo | null = null;
  for (let last = false; !last;) {
    const h = await reader.read(4);
    if (h.length < 4) return 'metadata is incomplete';
    last = (h[0]! & 0x80) !== 0;
    const size = h.readUIntBE(1, 3);
    if ((h[0]! & 0x7f) !== 0) {
      if ((await reader.skip(size)) < size) return 'metadata is incomplete';
      continue;
    }
    const b = await reader.read(size);
    if (b.length < 34) return 'STREAMINFO is incomplete';
    const rate = (b[10]! << 12) | (b[11]! << 4) | (b[12]! >> 4);
    const totalSamples = (b[13]! & 0x0f) * 2 ** 32 + b.readUInt32BE(14);
    info = { blockSize: b.readUInt16BE(2), rate, totalSamples };
  }
  if (!info || !info.rate) return 'no usable STREAMINFO';
  return info;
}

type TScan = { current: TFlacFrame | null; samplesDone: number; expected: number; window: Buffer; pos: number };

const firstSample = (f: TFlacFrame, info: TStreamInfo) => (f.variable ? f.number : f.number * info.blockSize);

/** Finds frame headers in the window; everything before the last one found is complete frames. */
function scan(s: TScan, info: TStreamInfo, atEnd: boolean): void {
  let i = s.window.indexOf(0xff, s.pos);
  while (i >= 0 && i + 1 < s.window.length) {
    const w = s.window;
    if ((w[i + 1]! & 0xfe) === 0xf8) {
      if (i + HEADER_MAX > w.length && !atEnd) {
        s.pos = i;
        return;
      }
      const f = parseFlacFrame(w.subarray(i, i + HEADER_MAX));
      if (f && firstSample(f, info) === s.expected) {
        if (s.current) s.samplesDone = s.expected;
        s.current = f;
        s.expected = firstSample(f, info) + f.blockSize;
        s.window = w.subarray(i);
        i = s.window.indexOf(0xff, f.headerLength);
        continue;
      }
    }
    i = s.window.indexOf(0xff, i + 1);
  }
  s.pos = Math.max(0, s.window.length - 1);
}

export async function measureFlac(reader: ByteReader): Promise<TMediaMeasurement> {
  const info = await readMetadata(reader);
  if (typeof info === 'string') return invalidMedia(info, 'flac', 'flac');
  const s: TScan = { current: null, samplesDone: 0, expected: 0, window: Buffer.alloc(0), pos: 0 };
  for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
    s.window = s.window.length ? Buffer.concat([s.window, chunk]) : chunk;
    scan(s, info, false);
    if (s.window.length > MAX_FRAME) return invalidMedia('no FLAC frame boundary within 1 MiB', 'flac', 'flac');
  }
  scan(s, info, true);
  const w = s.window;
  if (s.current && w.length > 2 && flacCrc16(w, w.length - 2) === w.readUInt16BE(w.length - 2)) s.samplesDone = s.expected;
  if (!s.current) return invalidMedia('no FLAC frame', 'flac', 'flac');
  const headerSeconds = info.totalSamples ? info.totalSamples / info.rate : null;
  return { container: 'flac', codec: 'flac', headerSeconds, measuredSeconds: s.samplesDone / info.rate, incomplete: null, error: null };
}
