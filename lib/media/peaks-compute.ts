// Waveform peaks of any media the archive accepts, streamed in constant memory. ffmpeg (a child process)
// decodes whatever container and codec the bytes hold — WAV with PCM/μ-law/A-law/GSM/ADPCM, MP3, Ogg
// Opus/Vorbis, WebM, FLAC, MP4/AAC — into a WAV stream of 16-bit PCM on its stdout; no maintained pure-JS
// decoder streams all of those. The media goes in on stdin, so memory stays bounded by the pipe buffers
// whatever the file size; only MP4 files whose index (moov) follows the audio cannot be decoded this way.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { PeaksAccumulator } from '@/lib/media/peaks-accumulator';
import type { TPeaks } from '@/lib/media/peaks-format';
import { parseWavFormat } from '@/lib/media/wav-format';

export const FFMPEG_ARGS = [
  '-hide_banner',
  '-loglevel',
  'error',
  '-nostdin',
  '-i',
  'pipe:0',
  '-map',
  '0:a:0',
  '-vn',
  '-map_metadata',
  '-1',
  '-flags',
  '+bitexact',
  '-c:a',
  'pcm_s16le',
  '-f',
  'wav',
  'pipe:1',
];
const HEADER_LIMIT = 64 * 1024;
const STDERR_KEEP = 2000;

export type TComputePeaksOptions = { ffmpegPath?: string; timeoutMs?: number };

/** Reads ffmpeg's WAV header (sizes unknown while streaming) up to the data chunk; then every byte is PCM. */
class WavStreamParser {
  private head = Buffer.alloc(0);
  accumulator: PeaksAccumulator | null = null;

  push(chunk: Buffer): void {
    if (this.accumulator) return this.accumulator.push(chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length > HEADER_LIMIT) throw new Error('decoder output has no WAV data chunk');
    let off = 12;
    let channels = 0;
    let sampleRate = 0;
    while (off + 8 <= this.head.length) {
      const id = this.head.toString('latin1', off, off + 4);
      const size = this.head.readUInt32LE(off + 4);
      if (id === 'data') {
        if (!channels) throw new Error('decoder output has no fmt chunk before its data');
        this.accumulator = new PeaksAccumulator(sampleRate, channels);
        this.accumulator.push(this.head.subarray(off + 8));
        this.head = Buffer.alloc(0);
        return;
      }
      if (off + 8 + size > this.head.length) return; // the chunk is not complete yet
      if (id === 'fmt ') {
        const fmt = parseWavFormat(this.head.subarray(off + 8, off + 8 + size));
        if (!fmt || fmt.codec !== 'pcm_s16le') throw new Error('decoder output is not 16-bit PCM');
        ({ channels, sampleRate } = fmt);
      }
      off += 8 + size + (size % 2);
    }
  }
}

export function computePeaks(media: Readable, opts: TComputePeaksOptions = {}): Promise<TPeaks> {
  const child = spawn(opts.ffmpegPath ?? 'ffmpeg', FFMPEG_ARGS, { stdio: ['pipe', 'pipe', 'pipe'] });
  const parser = new WavStreamParser();
  let stderr = '';
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(() => fail(new Error(`decoding took longer than ${opts.timeoutMs} ms`)), opts.timeoutMs ?? 15 * 60_000);
  // ffmpeg may stop reading early (undecodable input): its exit status says why, not the broken pipe.
  child.stdin.on('error', () => undefined);
  media.on('error', (e) => fail(new Error(`reading the media failed: ${e.message}`)));
  media.pipe(child.stdin);
  child.stdout.on('data', (chunk: Buffer) => {
    try {
      parser.push(chunk);
    } catch (e) {
      fail(e as Error);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
  });
  return new Promise<TPeaks>((resolve, reject) => {
    // A missing binary emits 'error' and may never emit 'close'.
    child.on('error', (e) => {
      clearTimeout(timer);
      media.unpipe(child.stdin);
      reject(new Error(`could not run ffmpeg: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      media.unpipe(child.stdin);
      if (failure) return reject(failure);
      if (code !== 0) return reject(new Error(`ffmpeg could not decode the media (exit ${code}): ${stderr.trim() || 'no message'}`));
      if (!parser.accumulator) return reject(new Error('ffmpeg produced no audio'));
      resolve(parser.accumulator.finish());
    });
  });
}
