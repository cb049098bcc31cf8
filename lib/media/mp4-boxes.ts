// ISO BMFF (MP4/M4A) box walking inside an in-memory moov, and the audio track's sample tables.
export type TBox = { type: string; start: number; end: number };
export type TSampleTables = {
  codec: string;
  timescale: number;
  mdhdDuration: number;
  mediaTime: number;
  stts: [count: number, delta: number][];
  stsc: [firstChunk: number, perChunk: number][];
  sizes: Uint32Array | number;
  sampleCount: number;
  chunkOffsets: number[];
};

export function* boxes(b: Buffer, start: number, end: number): Generator<TBox> {
  let p = start;
  while (p + 8 <= end) {
    let size = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    let header = 8;
    if (size === 1 && p + 16 <= end) {
      size = Number(b.readBigUInt64BE(p + 8));
      header = 16;
    } else if (size === 0) size = end - p;
    if (size < header || p + size > end) return;
    yield { type, start: p + header, end: p + size };
    p += size;
  }
}

export function child(b: Buffer, box: TBox, ...path: string[]): TBox | null {
  let cur: TBox | null = box;
  for (const type of path) {
    cur = [...boxes(b, cur.start, cur.end)].find((x) => x.type === type) ?? null;
    if (!cur) return null;
  }
  return cur;
}

function readMdhd(b: Buffer, box: TBox): { timescale: number; duration: number } {
  const v1 = b[box.start] === 1;
  const at = box.start + 4 + (v1 ? 16 : 8);
  return { timescale: b.readUInt32BE(at), duration: v1 ? Number(b.readBigUInt64BE(at + 4)) : b.readUInt32BE(at + 4) };
}

/** The first edit's media time: samples the encoder put before the audio starts (AAC priming). */
function readMediaTime(b: Buffer, trak: TBox): number {
  const elst = child(b, trak, 'edts', 'elst');
  if (!elst || b.readUInt32BE(elst.start + 4) < 1) return 0;
  const v1 = b[elst.start] === 1;
  const t = v1 ? Number(b.readBigInt64BE(elst.start + 16)) : b.readInt32BE(elst.start + 12);
  return Math.max(0, t);
}

function pairs(b: Buffer, box: TBox, width: number): number[][] {
  const n = b.readUInt32BE(box.start + 4);
  const out: number[][] = [];
  for (let i = 0, p = box.start + 8; i < n && p + width * 4 <= box.end; i++, p += width * 4) {
    out.push(Array.from({ length: width }, (_, k) => b.readUInt32BE(p + k * 4)));
  }
  return out;
}

function chunkOffsets(b: Buffer, stbl: TBox): number[] {
  const co64 = child(b, stbl, 'co64');
  if (co64) {
    const n = b.readUInt32BE(co64.start + 4);
    return Array.from({ length: n }, (_, i) => Number(b.readBigUInt64BE(co64.start + 8 + i * 8)));
  }
  const stco = child(b, stbl, 'stco');
  return stco ? pairs(b, stco, 1).map((x) => x[0]!) : [];
}

/** Sample tables of the first sound track, or null when the moov has none. */
export function audioSampleTables(b: Buffer, moov: TBox): TSampleTables | null {
  for (const trak of boxes(b, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const hdlr = child(b, trak, 'mdia', 'hdlr');
    if (!hdlr || b.toString('latin1', hdlr.start + 8, hdlr.start + 12) !== 'soun') continue;
    const mdhd = child(b, trak, 'mdia', 'mdhd');
    const stbl = child(b, trak, 'mdia', 'minf', 'stbl');
    const stsd = stbl && child(b, stbl, 'stsd');
    const stts = stbl && child(b, stbl, 'stts');
    const stsc = stbl && child(b, stbl, 'stsc');
    const stsz = stbl && child(b, stbl, 'stsz');
    if (!mdhd || !stbl || !stsd || !stts || !stsc || !stsz) return null;
    const fixed = b.readUInt32BE(stsz.start + 4);
    const sampleCount = b.readUInt32BE(stsz.start + 8);
    const sizes = fixed || new Uint32Array(Array.from({ length: sampleCount }, (_, i) => b.readUInt32BE(stsz.start + 12 + i * 4)));
    const { timescale, duration } = readMdhd(b, mdhd);
    return {
      codec: b.toString('latin1', stsd.start + 12, stsd.start + 16).trim(),
      timescale,
      mdhdDuration: duration,
      mediaTime: readMediaTime(b, trak),
      stts: pairs(b, stts, 2) as [number, number][],
      stsc: pairs(b, stsc, 3).map((x) => [x[0]!, x[1]!] as [number, number]),
      sizes,
      sampleCount,
      chunkOffsets: chunkOffsets(b, stbl),
    };
  }
  return null;
}
