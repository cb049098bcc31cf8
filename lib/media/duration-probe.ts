// Measures media while another consumer reads the same bytes (the verification pass), so a multi-hour
// recording is read back from storage once, not twice, and never held in memory: the parser pulls from a
// bounded buffer and the feeder waits while it is full.
import { ByteReader } from '@/lib/media/byte-reader';
import { measureMedia } from '@/lib/media/measure-media';
import type { TMediaMeasurement } from '@/lib/media/types';

export type TDurationProbe = {
  /** Hands one chunk to the parser; resolves when it can take more (or has already finished). */
  feed(chunk: Buffer): Promise<void>;
  end(): void;
  /** Abandons parsing (the read-back failed); the result promise still settles. */
  abort(): void;
  result: Promise<TMediaMeasurement>;
};

/** Content-Type to store an object with when the vendor sent none; the probe itself never looks at it. */
export const MIME_BY_FORMAT: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  flac: 'audio/flac',
};

export function createDurationProbe(): TDurationProbe {
  const reader = new ByteReader();
  const result = measureMedia(reader);
  return {
    feed: (chunk) => reader.push(chunk),
    end: () => reader.end(),
    abort: () => reader.end(),
    result,
  };
}
