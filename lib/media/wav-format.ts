// The WAVE fmt chunk: how many bytes make a block and how many samples a block holds, for any codec.
export type TWavFormat = {
  tag: number;
  codec: string;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  samplesPerBlock: number | null;
};

const CODECS: Record<number, string> = {
  2: 'adpcm_ms',
  6: 'pcm_alaw',
  7: 'pcm_mulaw',
  0x11: 'adpcm_ima_wav',
  0x31: 'gsm_ms',
  0x55: 'mp3',
  0x22: 'truespeech',
};

function codecName(tag: number, bits: number): string {
  if (tag === 1) return bits === 8 ? 'pcm_u8' : `pcm_s${bits}le`;
  if (tag === 3) return `pcm_f${bits}le`;
  return CODECS[tag] ?? `wav_format_0x${tag.toString(16).padStart(4, '0')}`;
}

/** Null when the chunk cannot describe a playable stream (zero channels, rate or block size). */
export function parseWavFormat(fmt: Buffer): TWavFormat | null {
  if (fmt.length < 16) return null;
  let tag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  const byteRate = fmt.readUInt32LE(8);
  const blockAlign = fmt.readUInt16LE(12);
  const bits = fmt.readUInt16LE(14);
  if (tag === 0xfffe && fmt.length >= 26) tag = fmt.readUInt16LE(24); // WAVE_FORMAT_EXTENSIBLE: sub-format GUID
  if (!channels || !sampleRate || !blockAlign) return null;
  const uncompressed = tag === 1 || tag === 3 || tag === 6 || tag === 7;
  // Compressed block codecs (GSM 6.10, ADPCM) state their samples per block in the fmt extension.
  const samplesPerBlock = uncompressed ? 1 : fmt.length >= 20 && fmt.readUInt16LE(16) >= 2 ? fmt.readUInt16LE(18) || null : null;
  if (!uncompressed && !samplesPerBlock && !byteRate) return null;
  return { tag, codec: codecName(tag, bits), channels, sampleRate, byteRate, blockAlign, samplesPerBlock };
}

/** Seconds held by `bytes` of data: whole blocks only when the block size in samples is known. */
export function wavSecondsFor(f: TWavFormat, bytes: number): number {
  if (f.samplesPerBlock) return (Math.floor(bytes / f.blockAlign) * f.samplesPerBlock) / f.sampleRate;
  return bytes / f.byteRate;
}
