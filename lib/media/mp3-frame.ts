// MPEG-1/2/2.5 audio frame headers (ISO/IEC 11172-3, 13818-3): enough to know each frame's length and
// how many samples it carries, so a stream can be measured by counting the frames actually present.
export type TMp3Frame = { version: 1 | 2 | 25; layer: 1 | 2 | 3; sampleRate: number; samples: number; length: number; mono: boolean };

const BITRATES: Record<string, number[]> = {
  '1-1': [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 25: [11025, 12000, 8000] };

/** Null for anything that is not a usable frame header (free-format bitrate included: no length to skip). */
export function parseMp3Frame(h: number): TMp3Frame | null {
  if (h >>> 21 !== 0x7ff) return null;
  const vBits = (h >>> 19) & 3;
  const lBits = (h >>> 17) & 3;
  const brIndex = (h >>> 12) & 15;
  const srIndex = (h >>> 10) & 3;
  if (vBits === 1 || lBits === 0 || brIndex === 0 || brIndex === 15 || srIndex === 3) return null;
  const version = vBits === 3 ? 1 : vBits === 2 ? 2 : 25;
  const layer = (4 - lBits) as 1 | 2 | 3;
  const bitrate = BITRATES[`${version === 1 ? 1 : 2}-${layer}`]![brIndex - 1]! * 1000;
  const sampleRate = RATES[version]![srIndex]!;
  const padding = (h >>> 9) & 1;
  const mono = ((h >>> 6) & 3) === 3;
  if (layer === 1)
    return { version, layer, sampleRate, samples: 384, length: (Math.floor((12 * bitrate) / sampleRate) + padding) * 4, mono };
  const samples = layer === 3 && version !== 1 ? 576 : 1152;
  const length = Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, samples, length, mono };
}

export const isMp3FrameHeader = (h: number): boolean => parseMp3Frame(h) !== null;

/** Same stream parameters: a resync must land on a frame of the same stream, not on noise that looks like one. */
export const sameMp3Stream = (a: TMp3Frame, b: TMp3Frame): boolean =>
  a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
