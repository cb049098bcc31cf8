// Test and demo audio for CXone: MPEG audio Layer III, mono CBR, speech-like content of an exact duration.
import { Mp3Encoder } from '@breezystack/lamejs';
import { SpeechSynth } from './speech-synth';

export type TMp3Options = { seconds: number; seed?: number; sampleRate?: 16000 | 22050 | 24000; kbps?: number };

/** MPEG-2 Layer III (the 16–24 kHz rates used here) carries 576 samples per frame. */
const SAMPLES_PER_FRAME = 576;
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V2: Record<number, number> = { 0: 22050, 1: 24000, 2: 16000 };

/** Byte length of the MPEG-2 Layer III frame starting at `at`, or null if no frame header is there. */
function frameLength(buf: Buffer, at: number): number | null {
  if (at + 4 > buf.length || buf[at] !== 0xff || (buf[at + 1]! & 0xfe) !== 0xf2) return null;
  const bitrate = BITRATES_V2_L3[buf[at + 2]! >> 4];
  const rate = RATES_V2[(buf[at + 2]! >> 2) & 3];
  if (!bitrate || !rate) return null;
  const padding = (buf[at + 2]! >> 1) & 1;
  return Math.floor((72 * bitrate * 1000) / rate) + padding;
}

/** Keeps the first `frames` whole frames. The encoder appends delay/padding frames; dropping them makes the
 *  file's duration exactly frames × 576 / rate (frames are independent: lamejs disables the bit reservoir). */
function keepFrames(mp3: Buffer, frames: number): Buffer {
  let at = 0;
  for (let n = 0; n < frames; n++) {
    const len = frameLength(mp3, at);
    if (len === null) throw new Error(`MPEG frame ${n} not found at byte ${at}`);
    at += len;
  }
  return mp3.subarray(0, at);
}

export function generateMp3(opts: TMp3Options): Buffer {
  const rate = opts.sampleRate ?? 16000;
  if (!Number.isFinite(opts.seconds) || opts.seconds < 0) throw new Error(`seconds must be >= 0, got ${opts.seconds}`);
  const frames = Math.round((opts.seconds * rate) / SAMPLES_PER_FRAME);
  // One extra frame of input so the kept frames hold audio, not the encoder's trailing padding.
  const pcm = new Int16Array((frames + 1) * SAMPLES_PER_FRAME);
  new SpeechSynth(rate, opts.seed ?? 1).fill(pcm);
  const encoder = new Mp3Encoder(1, rate, opts.kbps ?? 32);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < pcm.length; i += SAMPLES_PER_FRAME * 64) {
    parts.push(encoder.encodeBuffer(pcm.subarray(i, i + SAMPLES_PER_FRAME * 64)));
  }
  parts.push(encoder.flush());
  return keepFrames(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))), frames);
}
