// A media corpus made at test time by Debian's real encoders (ffmpeg, sox) — never committed binaries:
// intact files of every container and codec the archive meets, the same files cut short or with headers
// that lie or were never patched (as live recorders leave them), and files that are not audio at all.
// Each entry says what a correct check must conclude.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type TExpectedVerdict = 'ok' | 'truncated' | 'invalid';

export type TCorpusEntry = {
  name: string;
  file: string;
  /** What a vendor would call it; the check must not depend on it. */
  label: string;
  /** Seconds of audio the file really holds (null: not audio, or not known exactly because it was cut). */
  truthSeconds: number | null;
  /** What the vendor's metadata says (the full call, also for cut files). */
  vendorSeconds: number;
  expected: TExpectedVerdict;
  container: string | null;
  codec: string | null;
};

/** Length of the generated calls: short keeps the suite fast, long enough for cuts to be unmistakable. */
export const CORPUS_SECONDS = 12;
const T = CORPUS_SECONDS;

function ffmpeg(args: string[], out: string): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, out], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Written to a pipe, a muxer cannot seek back to patch sizes and durations: what a live recorder produces. */
function ffmpegLive(args: string[], out: string): void {
  const bytes = execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args, 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(out, bytes);
}

/** A tone with pink noise, so VBR encoders actually vary their frame sizes. */
function tone(seconds: number): string[] {
  return [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=350:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=duration=${seconds}:amplitude=0.08:color=pink`,
    '-filter_complex',
    'amix=inputs=2:duration=first',
    '-ac',
    '1',
  ];
}

/** WAV from sox: `encoding` is sox's -e name (signed-integer, u-law, a-law, gsm-full-rate). */
function soxWav(out: string, encoding: string, seconds: number, bits?: number): void {
  const fmt = ['-r', '8000', '-c', '1', '-e', encoding, ...(bits ? ['-b', String(bits)] : [])];
  execFileSync('sox', ['-n', ...fmt, out, 'synth', String(seconds), 'sine', '300-3000', 'pinknoise', 'vol', '0.5'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Offsets of a RIFF chunk's size field, found by walking the chunks as any reader would. */
function chunkSizeOffset(wav: Buffer, id: string): number | null {
  for (let p = 12; p + 8 <= wav.length;) {
    const size = wav.readUInt32LE(p + 4);
    if (wav.toString('latin1', p, p + 4) === id) return p + 4;
    p += 8 + size + (size % 2);
  }
  return null;
}

/** Rewrites RIFF/data/fact fields the way a recorder that never finished (or lied) leaves them. */
function patchWav(src: string, out: string, fields: { riff?: number; data?: number; factSamples?: number }): void {
  const wav = Buffer.from(readFileSync(src));
  if (fields.riff !== undefined) wav.writeUInt32LE(fields.riff, 4);
  const data = chunkSizeOffset(wav, 'data');
  const fact = chunkSizeOffset(wav, 'fact');
  if (fields.data !== undefined && data !== null) wav.writeUInt32LE(fields.data, data);
  if (fields.factSamples !== undefined && fact !== null) wav.writeUInt32LE(fields.factSamples, fact + 4);
  writeFileSync(out, wav);
}

/** Noise that is the same on every run (a hash chain), so a failure can be reproduced byte for byte. */
function noise(bytes: number): Buffer {
  const out: Buffer[] = [];
  let block = createHash('sha256').update('callvault media corpus').digest();
  for (let n = 0; n < bytes; n += block.length) out.push((block = createHash('sha256').update(block).digest()));
  return Buffer.concat(out).subarray(0, bytes);
}

function cut(src: string, out: string, fraction: number): void {
  const bytes = readFileSync(src);
  writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

type TMake = Omit<TCorpusEntry, 'file'> & { make(file: string, dir: string): void };

const ok = (name: string, label: string, container: string, codec: string, make: TMake['make'], truth = T): TMake => ({
  name,
  label,
  truthSeconds: truth,
  vendorSeconds: truth,
  expected: 'ok',
  container,
  codec,
  make,
});
const truncated = (name: string, label: string, container: string, codec: string | null, make: TMake['make']): TMake => ({
  name,
  label,
  truthSeconds: null,
  vendorSeconds: T,
  expected: 'truncated',
  container,
  codec,
  make,
});
const invalid = (name: string, label: string, make: TMake['make']): TMake => ({
  name,
  label,
  truthSeconds: null,
  vendorSeconds: T,
  expected: 'invalid',
  container: null,
  codec: null,
  make,
});
const from = (dir: string, name: string) => join(dir, name);

const ENTRIES: TMake[] = [
  ok('wav-pcm16.wav', 'wav', 'wav', 'pcm_s16le', (f) => soxWav(f, 'signed-integer', T, 16)),
  ok('wav-mulaw.wav', 'wav', 'wav', 'pcm_mulaw', (f) => soxWav(f, 'u-law', T)),
  ok('wav-alaw.wav', 'wav', 'wav', 'pcm_alaw', (f) => soxWav(f, 'a-law', T)),
  ok('wav-gsm.wav', 'wav', 'wav', 'gsm_ms', (f) => soxWav(f, 'gsm-full-rate', T)),
  ok('wav-unpatched-zero.wav', 'wav', 'wav', 'pcm_s16le', (f, d) => patchWav(from(d, 'wav-pcm16.wav'), f, { riff: 0, data: 0 })),
  ok('wav-unpatched-ffffffff.wav', 'wav', 'wav', 'pcm_s16le', (f, d) =>
    patchWav(from(d, 'wav-pcm16.wav'), f, { riff: 0xffffffff, data: 0xffffffff }),
  ),
  ok('wav-mulaw-unpatched-fact.wav', 'wav', 'wav', 'pcm_mulaw', (f, d) =>
    patchWav(from(d, 'wav-mulaw.wav'), f, { riff: 0xffffffff, data: 0xffffffff, factSamples: 0 }),
  ),
  ok('mp3-cbr.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f) => ffmpeg([...tone(T), '-c:a', 'libmp3lame', '-b:a', '64k'], f)),
  ok('mp3-vbr.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f) => ffmpeg([...tone(T), '-c:a', 'libmp3lame', '-q:a', '5'], f)),
  ok('mp3-no-xing.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f) =>
    ffmpeg([...tone(T), '-c:a', 'libmp3lame', '-b:a', '32k', '-write_xing', '0'], f),
  ),
  ok('mp3-mpeg2-16khz-vbr.mp3', 'mp3', 'mp3', 'mpeg2-layer3', (f) =>
    ffmpeg([...tone(T), '-ar', '16000', '-c:a', 'libmp3lame', '-q:a', '6'], f),
  ),
  ok('wav-rf64-mulaw.wav', 'wav', 'wav', 'pcm_mulaw', (f) =>
    ffmpeg([...tone(T), '-ar', '8000', '-c:a', 'pcm_mulaw', '-rf64', 'always'], f),
  ),
  ok('mka-vorbis.mka', 'mka', 'matroska', 'vorbis', (f) => ffmpeg([...tone(T), '-c:a', 'libvorbis'], f)),
  ok('ogg-speex.spx', 'ogg', 'ogg', 'speex', (f) => ffmpeg([...tone(T), '-ar', '8000', '-c:a', 'libspeex', '-f', 'ogg'], f)),
  ok('mp3-labelled-wav.mp3', 'wav', 'mp3', 'mpeg1-layer3', (f, d) => writeFileSync(f, readFileSync(from(d, 'mp3-cbr.mp3')))),
  ok('ogg-vorbis.ogg', 'ogg', 'ogg', 'vorbis', (f) => ffmpeg([...tone(T), '-c:a', 'libvorbis'], f)),
  ok('ogg-opus.opus', 'opus', 'ogg', 'opus', (f) => ffmpeg([...tone(T), '-c:a', 'libopus', '-f', 'ogg'], f)),
  ok('webm-opus.webm', 'webm', 'webm', 'opus', (f) => ffmpeg([...tone(T), '-c:a', 'libopus'], f)),
  ok('webm-opus-live.webm', 'webm', 'webm', 'opus', (f) => ffmpegLive([...tone(T), '-c:a', 'libopus', '-f', 'webm'], f)),
  ok('m4a-aac-faststart.m4a', 'mp4', 'mp4', 'mp4a', (f) =>
    ffmpeg([...tone(T), '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart'], f),
  ),
  ok('m4a-aac.m4a', 'm4a', 'mp4', 'mp4a', (f) => ffmpeg([...tone(T), '-c:a', 'aac', '-b:a', '64k'], f)),
  ok('flac.flac', 'flac', 'flac', 'flac', (f) => ffmpeg([...tone(T), '-ar', '16000', '-c:a', 'flac'], f)),
  truncated('wav-mulaw-cut.wav', 'wav', 'wav', 'pcm_mulaw', (f, d) => cut(from(d, 'wav-mulaw.wav'), f, 0.5)),
  truncated('wav-alaw-cut.wav', 'wav', 'wav', 'pcm_alaw', (f, d) => cut(from(d, 'wav-alaw.wav'), f, 0.5)),
  truncated('wav-gsm-cut.wav', 'wav', 'wav', 'gsm_ms', (f, d) => cut(from(d, 'wav-gsm.wav'), f, 0.5)),
  truncated('mp3-cbr-cut49.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f, d) => cut(from(d, 'mp3-cbr.mp3'), f, 0.49)),
  truncated('mp3-no-xing-cut.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f, d) => cut(from(d, 'mp3-no-xing.mp3'), f, 0.5)),
  truncated('wav-rf64-mulaw-cut.wav', 'wav', 'wav', 'pcm_mulaw', (f, d) => cut(from(d, 'wav-rf64-mulaw.wav'), f, 0.5)),
  truncated('mp3-vbr-cut49.mp3', 'mp3', 'mp3', 'mpeg1-layer3', (f, d) => cut(from(d, 'mp3-vbr.mp3'), f, 0.49)),
  truncated('ogg-opus-cut.opus', 'opus', 'ogg', 'opus', (f, d) => cut(from(d, 'ogg-opus.opus'), f, 0.5)),
  truncated('webm-opus-live-cut.webm', 'webm', 'webm', 'opus', (f, d) => cut(from(d, 'webm-opus-live.webm'), f, 0.5)),
  truncated('m4a-aac-faststart-mdat-cut.m4a', 'mp4', 'mp4', 'mp4a', (f, d) => cut(from(d, 'm4a-aac-faststart.m4a'), f, 0.5)),
  truncated('m4a-aac-index-lost.m4a', 'm4a', 'mp4', null, (f, d) => cut(from(d, 'm4a-aac.m4a'), f, 0.5)),
  truncated('flac-cut.flac', 'flac', 'flac', 'flac', (f, d) => cut(from(d, 'flac.flac'), f, 0.5)),
  invalid('text.wav', 'wav', (f) => writeFileSync(f, 'Call notes: customer asked for a callback.\n'.repeat(200))),
  invalid('image.png', 'mp3', (f) => ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-frames:v', '1'], f)),
  invalid('random.bin', 'mp3', (f) => writeFileSync(f, noise(64 * 1024))),
  invalid('empty.wav', 'wav', (f) => writeFileSync(f, Buffer.alloc(0))),
];

/** The header says 600 s, the bytes hold 30 s: a recorder that wrote its sizes up front and then died. */
const LYING: TMake = {
  name: 'wav-mulaw-claims-600.wav',
  label: 'wav',
  truthSeconds: 30,
  vendorSeconds: 600,
  expected: 'truncated',
  container: 'wav',
  codec: 'pcm_mulaw',
  make(f, d) {
    const src = from(d, 'wav-mulaw-30.wav');
    soxWav(src, 'u-law', 30);
    patchWav(src, f, { riff: 600 * 8000 + 50, data: 600 * 8000, factSamples: 600 * 8000 });
  },
};

export function generateMediaCorpus(dir: string): TCorpusEntry[] {
  mkdirSync(dir, { recursive: true });
  return [...ENTRIES, LYING].map(({ make, ...entry }) => {
    const file = from(dir, entry.name);
    make(file, dir);
    return { ...entry, file };
  });
}
