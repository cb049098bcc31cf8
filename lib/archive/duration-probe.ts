// Measures the duration of media while another consumer reads the same bytes (the verification pass),
// so a multi-hour recording is read back from storage once, not twice. The parser gets the true stored
// size: for WAV, music-metadata then clips a header that claims more data than the file holds.
import { PassThrough } from 'node:stream';
import { parseStream } from 'music-metadata';

export type TDurationResult = { durationSeconds: number | null; container: string | null; error: string | null };

export type TDurationProbe = {
  /** Hands one chunk to the parser; resolves when it can take more (or has already finished). */
  feed(chunk: Buffer): Promise<void>;
  end(): void;
  /** Abandons parsing (the read-back failed); the result promise still settles. */
  abort(): void;
  result: Promise<TDurationResult>;
};

export const MIME_BY_FORMAT: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
};

export function createDurationProbe(fileInfo: { mimeType: string | undefined; size: number }): TDurationProbe {
  const input = new PassThrough({ highWaterMark: 1024 * 1024 });
  let settled = false;
  const result = parseStream(input, fileInfo, { duration: true, skipCovers: true })
    .then((meta): TDurationResult => {
      const d = meta.format.duration;
      const durationSeconds = typeof d === 'number' && Number.isFinite(d) && d >= 0 ? d : null;
      return { durationSeconds, container: meta.format.container ?? null, error: durationSeconds === null ? 'duration not determinable' : null };
    })
    .catch((e: unknown): TDurationResult => ({ durationSeconds: null, container: null, error: e instanceof Error ? e.message : String(e) }))
    .finally(() => {
      settled = true;
      // The parser may stop early (it has what it needs): drop whatever it will never read.
      input.destroy();
    });

  return {
    async feed(chunk) {
      if (settled || input.destroyed) return;
      if (!input.write(chunk)) {
        await Promise.race([new Promise((resolve) => input.once('drain', resolve)), result]);
      }
    },
    end() {
      if (!settled && !input.destroyed) input.end();
    },
    abort() {
      input.destroy();
    },
    result,
  };
}
