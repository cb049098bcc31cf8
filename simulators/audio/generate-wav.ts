// Test and demo audio: RIFF/WAVE 16-bit PCM mono with speech-like content of an exact duration.
import { endianness } from 'node:os';
import { Readable } from 'node:stream';
import { SpeechSynth } from './speech-synth';

export type TWavOptions = { seconds: number; sampleRate?: number; seed?: number };

const CHUNK_SAMPLES = 16_384;

function sampleCount(opts: TWavOptions): { rate: number; samples: number } {
  const rate = opts.sampleRate ?? 8000;
  if (rate !== 8000 && rate !== 16000) throw new Error(`sampleRate must be 8000 or 16000, got ${rate}`);
  if (!Number.isFinite(opts.seconds) || opts.seconds < 0) throw new Error(`seconds must be >= 0, got ${opts.seconds}`);
  return { rate, samples: Math.round(opts.seconds * rate) };
}

/** The 44-byte canonical WAV header for `samples` 16-bit mono samples. */
export function wavHeader(samples: number, sampleRate: number): Buffer {
  const dataBytes = samples * 2;
  if (dataBytes + 36 > 0xffffffff) throw new Error('WAV data would exceed 4 GiB');
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16); // PCM fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28); // byte rate
  h.writeUInt16LE(2, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Exact size in bytes of the WAV that generateWav/wavStream produce for these options. */
export function wavByteLength(opts: TWavOptions): number {
  return 44 + sampleCount(opts).samples * 2;
}

const LITTLE_ENDIAN = endianness() === 'LE';

function pcmBytes(pcm: Int16Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const b = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) b.writeInt16LE(pcm[i]!, i * 2);
  return b;
}

export function generateWav(opts: TWavOptions): Buffer {
  const { rate, samples } = sampleCount(opts);
  const pcm = new Int16Array(samples);
  new SpeechSynth(rate, opts.seed ?? 1).fill(pcm);
  return Buffer.concat([wavHeader(samples, rate), pcmBytes(pcm)]);
}

/** The same bytes as generateWav, produced chunk by chunk on demand: constant memory for multi-hour files. */
export function wavStream(opts: TWavOptions): Readable {
  const { rate, samples } = sampleCount(opts);
  const synth = new SpeechSynth(rate, opts.seed ?? 1);
  let remaining = samples;
  let headerSent = false;
  return new Readable({
    highWaterMark: CHUNK_SAMPLES * 2,
    read() {
      if (!headerSent) {
        headerSent = true;
        this.push(wavHeader(samples, rate));
        return;
      }
      if (remaining === 0) {
        this.push(null);
        return;
      }
      const pcm = new Int16Array(Math.min(CHUNK_SAMPLES, remaining));
      synth.fill(pcm);
      remaining -= pcm.length;
      this.push(pcmBytes(pcm));
    },
  });
}
