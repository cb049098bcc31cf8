// What a container parser found in the bytes it was given. "measured" comes only from media data actually
// present; "header" is what the file's own header or index claims, kept as evidence and never trusted.
export type TContainer = 'wav' | 'mp3' | 'ogg' | 'mp4' | 'webm' | 'matroska' | 'flac';

export type TMediaMeasurement = {
  container: TContainer | null;
  codec: string | null;
  /** Duration the file's header or index claims; null when the format or this file states none. */
  headerSeconds: number | null;
  /** Duration of the media data present, complete frames/blocks/samples only; null when not measurable. */
  measuredSeconds: number | null;
  /** The structure declares more bytes than the stream held (e.g. an MP4 cut inside mdat before its index). */
  incomplete: string | null;
  /** Why the bytes are not parseable audio; null when they are. */
  error: string | null;
};

export const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function invalidMedia(error: string, container: TContainer | null = null, codec: string | null = null): TMediaMeasurement {
  return { container, codec, headerSeconds: null, measuredSeconds: null, incomplete: null, error };
}
