// Ogg (Vorbis, Opus, Speex, FLAC): measured = granule position of the last complete page of the first audio
// stream ÷ its granule rate (Opus: minus the pre-skip). Ogg headers state no total duration: no claim.
import type { ByteReader } from '@/lib/media/byte-reader';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

type TOggCodec = { codec: string; rate: number; preSkip: number };

function identify(packet: Buffer): TOggCodec | null {
  const tag = (at: number, s: string) => packet.toString('latin1', at, at + s.length) === s;
  if (tag(0, 'OpusHead') && packet.length >= 12) return { codec: 'opus', rate: 48000, preSkip: packet.readUInt16LE(10) };
  if (tag(0, '\x01vorbis') && packet.length >= 16) return { codec: 'vorbis', rate: packet.readUInt32LE(12), preSkip: 0 };
  if (tag(0, 'Speex   ') && packet.length >= 40) return { codec: 'speex', rate: packet.readUInt32LE(36), preSkip: 0 };
  if (tag(0, '\x7fFLAC') && packet.length >= 30)
    return { codec: 'flac', rate: (packet[27]! << 12) | (packet[28]! << 4) | (packet[29]! >> 4), preSkip: 0 };
  return null;
}

type TPage = { granule: bigint; serial: number; bos: boolean; body: number; firstPacket: Buffer | null };

async function readPage(reader: ByteReader, wantBody: boolean): Promise<TPage | 'end' | 'bad'> {
  const h = await reader.read(27);
  if (h.length < 27) return 'end';
  if (h.toString('latin1', 0, 4) !== 'OggS' || h[4]! !== 0) return 'bad';
  const lacing = await reader.read(h[26]!);
  if (lacing.length < h[26]!) return 'end';
  const body = lacing.reduce((a, b) => a + b, 0);
  let firstPacket: Buffer | null = null;
  if (wantBody) {
    firstPacket = await reader.read(body);
    if (firstPacket.length < body) return 'end';
  } else if ((await reader.skip(body)) < body) return 'end';
  return { granule: h.readBigInt64LE(6), serial: h.readUInt32LE(14), bos: (h[5]! & 2) !== 0, body, firstPacket };
}

export async function measureOgg(reader: ByteReader): Promise<TMediaMeasurement> {
  let stream: { serial: number; codec: TOggCodec } | null = null;
  let lastGranule: bigint | null = null;
  for (;;) {
    const page = await readPage(reader, stream === null);
    if (page === 'end') break;
    if (page === 'bad') {
      if (!stream) return invalidMedia('not an Ogg page', 'ogg');
      break; // garbage after valid pages: measure what came before it
    }
    if (!stream && page.bos && page.firstPacket) {
      const codec = identify(page.firstPacket);
      if (codec && codec.rate > 0) stream = { serial: page.serial, codec };
      continue;
    }
    if (stream && page.serial === stream.serial && page.granule >= 0n) lastGranule = page.granule;
  }
  if (!stream) return invalidMedia('no audio stream in the Ogg file', 'ogg');
  const { codec, rate, preSkip } = stream.codec;
  if (lastGranule === null) return invalidMedia('no complete audio page', 'ogg', codec);
  const measured = Math.max(0, Number(lastGranule) - preSkip) / rate;
  return { container: 'ogg', codec, headerSeconds: null, measuredSeconds: measured, incomplete: null, error: null };
}
