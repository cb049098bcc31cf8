// MP4/M4A: the sample tables (stsz/stco/stsc/stts) say where each audio sample lives; measured = duration of
// the samples whose bytes are all present, inside an mdat that is present. The track header's duration is the
// claim. The moov (index) is held in memory — it is a few bytes per sample, ~2.5 MB for 4 hours of AAC — but
// the media data is only counted, never kept.
import type { ByteReader } from '@/lib/media/byte-reader';
import { audioSampleTables, type TSampleTables } from '@/lib/media/mp4-boxes';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

const MAX_MOOV = 64 * 1024 * 1024;
const TO_END = Number.MAX_SAFE_INTEGER;

type TLayout = { moov: Buffer | null; mdats: { start: number; end: number }[]; cut: string | null; fragmented: boolean };

async function walkTopLevel(reader: ByteReader): Promise<TLayout | string> {
  const out: TLayout = { moov: null, mdats: [], cut: null, fragmented: false };
  for (;;) {
    const h = await reader.read(8);
    if (h.length < 8) return out;
    let size = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    let header = 8;
    if (size === 1) {
      const large = await reader.read(8);
      if (large.length < 8) return out;
      size = Number(large.readBigUInt64BE(0));
      header = 16;
    }
    const payload = size === 0 ? TO_END : size - header;
    if (payload < 0) return `box ${JSON.stringify(type)} has an impossible size`;
    if (type === 'moof') out.fragmented = true;
    if (type === 'moov') {
      if (payload > MAX_MOOV) return `moov of ${payload} bytes exceeds ${MAX_MOOV}`;
      out.moov = await reader.read(payload);
      if (out.moov.length < payload) out.cut = `moov declares ${payload} bytes, ${out.moov.length} present`;
      continue;
    }
    const start = reader.position;
    const present = await reader.skip(payload);
    if (type === 'mdat') out.mdats.push({ start, end: start + present });
    if (present < payload) {
      if (size !== 0) out.cut = `${type} declares ${payload} bytes, ${present} present`;
      return out;
    }
  }
}

/** Seconds of the samples (in file order) whose bytes lie wholly inside a present mdat. */
function presentSeconds(t: TSampleTables, mdats: TLayout['mdats']): number {
  const inMdat = (a: number, z: number) => mdats.some((m) => a >= m.start && z <= m.end);
  let sample = 0;
  let ticks = 0;
  let sttsRun = 0;
  let sttsLeft = t.stts[0]?.[0] ?? 0;
  let stscRun = -1;
  for (let c = 0; c < t.chunkOffsets.length && sample < t.sampleCount; c++) {
    // Chunks only move forward, so the stsc run is found by stepping, not by searching each time.
    while (stscRun + 1 < t.stsc.length && t.stsc[stscRun + 1]![0] <= c + 1) stscRun++;
    const perChunk = t.stsc[stscRun]?.[1] ?? 0;
    let offset = t.chunkOffsets[c]!;
    for (let k = 0; k < perChunk && sample < t.sampleCount; k++, sample++) {
      const size = typeof t.sizes === 'number' ? t.sizes : t.sizes[sample]!;
      if (!inMdat(offset, offset + size)) return (ticks - t.mediaTime) / t.timescale;
      offset += size;
      while (sttsLeft === 0 && sttsRun + 1 < t.stts.length) sttsLeft = t.stts[++sttsRun]![0];
      ticks += t.stts[sttsRun]?.[1] ?? 0;
      sttsLeft--;
    }
  }
  return Math.max(0, ticks - t.mediaTime) / t.timescale;
}

export async function measureMp4(reader: ByteReader): Promise<TMediaMeasurement> {
  const layout = await walkTopLevel(reader);
  if (typeof layout === 'string') return invalidMedia(layout, 'mp4');
  if (!layout.moov || layout.moov.length < 8) {
    if (layout.cut)
      return {
        container: 'mp4',
        codec: null,
        headerSeconds: null,
        measuredSeconds: null,
        incomplete: `${layout.cut}; the sample tables (moov) are missing`,
        error: null,
      };
    return invalidMedia(layout.fragmented ? 'fragmented MP4 without sample tables is not supported' : 'no moov box', 'mp4');
  }
  const moov = layout.moov;
  const tables = audioSampleTables(moov, { type: 'moov', start: 0, end: moov.length });
  if (!tables || !tables.timescale) return invalidMedia('no audio track with sample tables', 'mp4');
  const headerSeconds = Math.max(0, tables.mdhdDuration - tables.mediaTime) / tables.timescale;
  const measured = presentSeconds(tables, layout.mdats);
  return {
    container: 'mp4',
    codec: tables.codec,
    headerSeconds,
    measuredSeconds: Math.max(0, measured),
    incomplete: layout.cut,
    error: null,
  };
}
