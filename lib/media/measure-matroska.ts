// WebM/Matroska: measured = end of the last complete block of the first audio track (cluster timecode +
// block timecode + the block's duration, minus DiscardPadding and the codec delay). Info/Duration is the claim
// and may be absent (live recorders). Segment and Cluster are entered without trusting their sizes, which a
// live recorder leaves "unknown".
import type { ByteReader } from '@/lib/media/byte-reader';
import { readEbmlFloat, readEbmlInt, readEbmlUint, readElementId, readElementSize } from '@/lib/media/ebml';
import { opusPacketSamples } from '@/lib/media/opus-packet';
import { invalidMedia, type TContainer, type TMediaMeasurement } from '@/lib/media/types';

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  Info: 0x1549a966,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  Audio: 0xe1,
  Cluster: 0x1f43b675,
  BlockGroup: 0xa0,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  CodecDelay: 0x56aa,
  SamplingFrequency: 0xb5,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  Block: 0xa1,
  BlockDuration: 0x9b,
  DiscardPadding: 0x75a2,
} as const;
const DESCEND = new Set<number>([ID.Segment, ID.Info, ID.Tracks, ID.TrackEntry, ID.Audio, ID.Cluster, ID.BlockGroup]);
const VALUES = new Set<number>([
  ID.TimecodeScale,
  ID.Duration,
  ID.TrackNumber,
  ID.TrackType,
  ID.CodecID,
  ID.CodecDelay,
  ID.SamplingFrequency,
  ID.Timecode,
  ID.BlockDuration,
  ID.DiscardPadding,
]);
const BLOCK_HEAD = 16;
const CODEC_NAMES: Record<string, string> = {
  A_OPUS: 'opus',
  A_VORBIS: 'vorbis',
  A_AAC: 'aac',
  A_FLAC: 'flac',
  A_MPEG_L3: 'mp3',
  'A_PCM/INT/LIT': 'pcm',
};

type TTrack = { number: number | null; type: number | null; codec: string | null; codecDelayNs: number };
type TBlock = { startNs: number; durationNs: number };
type TState = {
  scale: number;
  durationClaim: number | null;
  tracks: TTrack[];
  audio: TTrack | null;
  clusterTc: number;
  pending: TBlock | null;
  endNs: number | null;
  sawBlock: boolean;
};

function audioTrack(s: TState): TTrack | null {
  s.audio ??= s.tracks.find((t) => t.type === 2 || t.codec?.startsWith('A_')) ?? null;
  return s.audio;
}

function settle(s: TState): void {
  if (!s.pending) return;
  const end = s.pending.startNs + s.pending.durationNs;
  s.endNs = Math.max(s.endNs ?? 0, end);
  s.pending = null;
}

function applyValue(s: TState, id: number, v: Buffer): void {
  const track = s.tracks[s.tracks.length - 1];
  if (id === ID.TimecodeScale) s.scale = readEbmlUint(v) || 1_000_000;
  else if (id === ID.Duration) s.durationClaim = readEbmlFloat(v);
  else if (id === ID.Timecode) s.clusterTc = readEbmlUint(v);
  else if (id === ID.BlockDuration && s.pending) s.pending.durationNs = readEbmlUint(v) * s.scale;
  else if (id === ID.DiscardPadding && s.pending) s.pending.durationNs -= readEbmlInt(v);
  else if (!track) return;
  else if (id === ID.TrackNumber) track.number = readEbmlUint(v);
  else if (id === ID.TrackType) track.type = readEbmlUint(v);
  else if (id === ID.CodecID) track.codec = v.toString('latin1').replace(/\0+$/, '');
  else if (id === ID.CodecDelay) track.codecDelayNs = readEbmlUint(v);
}

/** Reads a block's header; returns false when the block's bytes are not all there. */
async function readBlock(reader: ByteReader, s: TState, size: number): Promise<boolean> {
  const head = await reader.read(Math.min(size, BLOCK_HEAD));
  const track = readElementSize(head, 0);
  if (!track || head.length < track.length + 3) return false;
  const rest = size - head.length;
  if ((await reader.skip(rest)) < rest) return false;
  const audio = audioTrack(s);
  if (!audio || track.value !== audio.number) return true;
  s.sawBlock = true;
  const startNs = (s.clusterTc + head.readInt16BE(track.length)) * s.scale;
  const laced = (head[track.length + 2]! & 0x06) !== 0;
  const samples = audio.codec === 'A_OPUS' && !laced ? opusPacketSamples(head.subarray(track.length + 3)) : 0;
  s.pending = { startNs, durationNs: (samples / 48000) * 1e9 };
  return true;
}

async function walk(reader: ByteReader, s: TState): Promise<string | null> {
  for (;;) {
    const head = await reader.peek(12);
    if (head.length === 0) return null;
    const id = readElementId(head);
    const size = id && readElementSize(head, id.length);
    if (!id || !size) return s.sawBlock ? null : 'not an EBML element';
    await reader.skip(id.length + size.length);
    if (id.value === ID.SimpleBlock || id.value === ID.BlockGroup || id.value === ID.Cluster) settle(s);
    if (id.value === ID.TrackEntry) s.tracks.push({ number: null, type: null, codec: null, codecDelayNs: 0 });
    if (DESCEND.has(id.value)) continue;
    if (size.unknown) return s.sawBlock ? null : 'element of unknown size that cannot be entered';
    if (id.value === ID.SimpleBlock || id.value === ID.Block) {
      if (!(await readBlock(reader, s, size.value))) return null;
      if (id.value === ID.SimpleBlock) settle(s);
    } else if (VALUES.has(id.value)) {
      const v = await reader.read(size.value);
      if (v.length < size.value) return null;
      applyValue(s, id.value, v);
    } else if ((await reader.skip(size.value)) < size.value) return null;
  }
}

export async function measureMatroska(reader: ByteReader, container: TContainer): Promise<TMediaMeasurement> {
  const s: TState = {
    scale: 1_000_000,
    durationClaim: null,
    tracks: [],
    audio: null,
    clusterTc: 0,
    pending: null,
    endNs: null,
    sawBlock: false,
  };
  const problem = await walk(reader, s);
  settle(s);
  const audio = audioTrack(s);
  const codec = audio?.codec ? (CODEC_NAMES[audio.codec] ?? audio.codec) : null;
  if (problem) return invalidMedia(problem, container, codec);
  if (!audio) return invalidMedia('no audio track', container);
  if (s.endNs === null) return invalidMedia('no complete audio block', container, codec);
  const measured = Math.max(0, s.endNs - audio.codecDelayNs) / 1e9;
  const headerSeconds = s.durationClaim === null ? null : Math.max(0, s.durationClaim * s.scale - audio.codecDelayNs) / 1e9;
  return { container, codec, headerSeconds, measuredSeconds: measured, incomplete: null, error: null };
}
