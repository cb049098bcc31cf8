// MP3: counts the complete frames present. A Xing/Info (LAME) or VBRI header's frame count is the header's
// claim; the encoder delay and padding from the LAME tag are removed from both so they match the decoded length.
import type { ByteReader } from '@/lib/media/byte-reader';
import { parseMp3Frame, sameMp3Stream, type TMp3Frame } from '@/lib/media/mp3-frame';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

const RESYNC_LIMIT = 64 * 1024;
const CHAIN = 3;

type TVbrInfo = { frames: number | null; delay: number; padding: number };

function readVbrHeader(frame: Buffer, f: TMp3Frame): TVbrInfo | null {
  const sideInfo = f.version === 1 ? (f.mono ? 17 : 32) : f.mono ? 9 : 17;
  const at = 4 + sideInfo;
  const tag = frame.toString('latin1', at, at + 4);
  if (tag === 'Xing' || tag === 'Info') {
    const flags = frame.readUInt32BE(at + 4);
    let p = at + 8;
    const frames = flags & 1 ? frame.readUInt32BE(p) : null;
    p += (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
    // LAME extension: 12-bit encoder delay and 12-bit padding at byte 21 of the tag.
    let delay = 0;
    let padding = 0;
    if (frame.length >= p + 24) {
      const d = frame.readUIntBE(p + 21, 3);
      delay = d >>> 12;
      padding = d & 0xfff;
    }
    return { frames, delay, padding };
  }
  if (frame.toString('latin1', 36, 40) === 'VBRI') return { frames: frame.readUInt32BE(36 + 14), delay: 0, padding: 0 };
  return null;
}

async function skipId3v2(reader: ByteReader): Promise<void> {
  const h = await reader.peek(10);
  if (h.length < 10 || h.toString('latin1', 0, 3) !== 'ID3') return;
  const size = ((h[6]! & 0x7f) << 21) | ((h[7]! & 0x7f) << 14) | ((h[8]! & 0x7f) << 7) | (h[9]! & 0x7f);
  await reader.skip(10 + size + (h[5]! & 0x10 ? 10 : 0));
}

/** Next frame header at or after the reader's position, within the resync budget; consumes nothing of it. */
async function syncTo(reader: ByteReader, like: TMp3Frame | null): Promise<{ frame: TMp3Frame; skipped: number } | null> {
  for (let skipped = 0; skipped < RESYNC_LIMIT; skipped++) {
    const b = await reader.peek(4);
    if (b.length < 4) return null;
    const f = parseMp3Frame(b.readUInt32BE(0));
    if (f && (!like || sameMp3Stream(f, like))) return { frame: f, skipped };
    await reader.skip(1);
  }
  return null;
}

export async function measureMp3(reader: ByteReader): Promise<TMediaMeasurement> {
  await skipId3v2(reader);
  const first = (await syncTo(reader, null))?.frame;
  if (!first) return invalidMedia('no MPEG audio frame found', 'mp3');
  const codec = `mpeg${first.version === 25 ? '2.5' : first.version}-layer${first.layer}`;
  const head = await reader.read(first.length);
  if (head.length < first.length) return invalidMedia('the first MPEG audio frame is incomplete', 'mp3', codec);
  const vbr = readVbrHeader(head, first);
  let frames = vbr ? 0 : 1;
  // Without a Xing/Info/VBRI header, only back-to-back frames prove this is MPEG audio, not noise.
  let chained = vbr ? CHAIN : 1;
  for (;;) {
    const next = await syncTo(reader, first);
    if (!next) break;
    if (chained < CHAIN && next.skipped > 0) break;
    if ((await reader.skip(next.frame.length)) < next.frame.length) break;
    frames++;
    if (chained < CHAIN) chained++;
  }
  if (chained < CHAIN) return invalidMedia('no chain of consecutive MPEG audio frames', 'mp3', codec);
  const spf = first.samples;
  const trim = (n: number, whole: boolean) =>
    Math.max(0, n * spf - (vbr?.delay ?? 0) - (whole ? (vbr?.padding ?? 0) : 0)) / first.sampleRate;
  const headerFrames = vbr?.frames ?? null;
  return {
    container: 'mp3',
    codec,
    headerSeconds: headerFrames === null ? null : trim(headerFrames, true),
    measuredSeconds: trim(frames, headerFrames !== null && frames >= headerFrames),
    incomplete: null,
    error: null,
  };
}
