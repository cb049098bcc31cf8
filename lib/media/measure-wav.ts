// WAV (RIFF/RF64), any codec: measured = data bytes present ÷ block rate. The data size, the RF64 ds64
// size and the fact chunk's sample count are the header's claims. A RIFF or data size of 0 or 0xFFFFFFFF is
// a header a live recorder never patched: the data runs to the end of the file and there is no claim.
import type { ByteReader } from '@/lib/media/byte-reader';
import { parseWavFormat, wavSecondsFor, type TWavFormat } from '@/lib/media/wav-format';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

const UNPATCHED = new Set([0, 0xffffffff]);
const TO_END = Number.MAX_SAFE_INTEGER;
const MAX_HEADER_CHUNK = 1024 * 1024;

type TWavState = {
  format: TWavFormat | null;
  factSamples: number | null;
  ds64Data: number | null;
  ds64Samples: number | null;
  dataPresent: number | null;
  dataDeclared: number | null;
};

/** The claim furthest from the bytes: either a fact count or a data size that lies is a truncation. */
function headerClaim(s: TWavState, f: TWavFormat, measured: number): number | null {
  const claims: number[] = [];
  if (s.factSamples) claims.push(s.factSamples / f.sampleRate);
  if (s.dataDeclared !== null) claims.push(wavSecondsFor(f, s.dataDeclared));
  if (!claims.length) return null;
  return claims.reduce((a, b) => (Math.abs(b - measured) > Math.abs(a - measured) ? b : a));
}

async function readChunks(reader: ByteReader, s: TWavState, riffUnpatched: boolean): Promise<string | null> {
  for (;;) {
    const h = await reader.read(8);
    if (h.length < 8) return null;
    const id = h.toString('latin1', 0, 4);
    const size = h.readUInt32LE(4);
    if (id === 'data') {
      if (!s.format) return 'data chunk before the fmt chunk';
      const declared = s.ds64Data ?? size;
      const open = riffUnpatched || (s.ds64Data === null && UNPATCHED.has(size));
      s.dataDeclared = open ? null : declared;
      s.dataPresent = await reader.skip(open ? TO_END : declared);
      if (open || s.dataPresent < declared) return null;
      if (declared % 2) await reader.skip(1);
      continue;
    }
    if (id === 'fmt ' || id === 'fact' || id === 'ds64') {
      if (size > MAX_HEADER_CHUNK) return `${id.trim()} chunk of ${size} bytes is not a header`;
      const body = await reader.read(size + (size % 2));
      if (body.length < size) return `${id.trim()} chunk is incomplete`;
      if (id === 'fmt ') s.format = parseWavFormat(body);
      if (id === 'fmt ' && !s.format) return 'fmt chunk describes no playable stream';
      if (id === 'fact' && size >= 4) s.factSamples = body.readUInt32LE(0);
      if (id === 'ds64' && size >= 24) {
        s.ds64Data = Number(body.readBigUInt64LE(8));
        s.ds64Samples = Number(body.readBigUInt64LE(16));
      }
      continue;
    }
    if ((await reader.skip(size + (size % 2))) < size) return null;
  }
}

export async function measureWav(reader: ByteReader): Promise<TMediaMeasurement> {
  const riff = await reader.read(12);
  const riffUnpatched = riff.toString('latin1', 0, 4) === 'RIFF' && UNPATCHED.has(riff.readUInt32LE(4));
  const s: TWavState = { format: null, factSamples: null, ds64Data: null, ds64Samples: null, dataPresent: null, dataDeclared: null };
  const problem = await readChunks(reader, s, riffUnpatched);
  const f = s.format;
  if (problem) return invalidMedia(problem, 'wav', f?.codec ?? null);
  if (!f) return invalidMedia('no fmt chunk', 'wav');
  if (s.dataPresent === null) return invalidMedia('no data chunk', 'wav', f.codec);
  const measured = wavSecondsFor(f, s.dataPresent);
  // RF64 moves a fact count that does not fit 32 bits into ds64 and leaves 0xFFFFFFFF in its place.
  if (s.factSamples === 0xffffffff) s.factSamples = s.ds64Samples;
  if (riffUnpatched && (s.factSamples === 0 || s.factSamples === 0xffffffff)) s.factSamples = null;
  return {
    container: 'wav',
    codec: f.codec,
    headerSeconds: headerClaim(s, f, measured),
    measuredSeconds: measured,
    incomplete: null,
    error: null,
  };
}
