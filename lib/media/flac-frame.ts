// FLAC frame headers (RFC 9639 §9.1): sync, block size, coded frame/sample number, protected by CRC-8.
// The frame footer's CRC-16 tells whether the last frame of a cut file is whole.
export type TFlacFrame = { headerLength: number; blockSize: number; number: number; variable: boolean };

function crcTable(poly: number, width: 8 | 16): Uint16Array {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << (width - 8);
    for (let k = 0; k < 8; k++) c = c & top ? ((c << 1) ^ poly) & mask : (c << 1) & mask;
    t[i] = c;
  }
  return t;
}
const CRC8 = crcTable(0x07, 8);
const CRC16 = crcTable(0x8005, 16);

export function flacCrc8(b: Buffer, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) c = CRC8[c ^ b[i]!]!;
  return c;
}

export function flacCrc16(b: Buffer, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) c = ((c << 8) & 0xffff) ^ CRC16[(c >> 8) ^ b[i]!]!;
  return c;
}

/** The coded number's value and byte length ("UTF-8"-like, up to 7 bytes / 36 bits). */
function codedNumber(b: Buffer, at: number): { value: number; length: number } | null {
  const first = b[at] ?? 0;
  let n = 0;
  while (n < 7 && first & (0x80 >> n)) n++;
  if (n === 1 || n > 7) return null;
  const length = n === 0 ? 1 : n;
  if (b.length < at + length) return null;
  let value = n === 0 ? first : first & (0xff >> (n + 1));
  for (let i = 1; i < length; i++) {
    if ((b[at + i]! & 0xc0) !== 0x80) return null;
    value = value * 64 + (b[at + i]! & 0x3f);
  }
  return { value, length };
}

function blockSizeFor(code: number, b: Buffer, at: number): { size: number; extra: number } | null {
  if (code === 0) return null;
  if (code === 1) return { size: 192, extra: 0 };
  if (code <= 5) return { size: 576 << (code - 2), extra: 0 };
  if (code === 6) return b.length > at ? { size: b[at]! + 1, extra: 1 } : null;
  if (code === 7) return b.length > at + 1 ? { size: b.readUInt16BE(at) + 1, extra: 2 } : null;
  return { size: 256 << (code - 8), extra: 0 };
}

/** A frame header starting at b[0]! whose CRC-8 checks out, or null. */
export function parseFlacFrame(b: Buffer): TFlacFrame | null {
  if (b.length < 6 || b[0]! !== 0xff || (b[1]! & 0xfe) !== 0xf8) return null;
  const rateCode = b[2]! & 0x0f;
  if (rateCode === 15 || b[3]! & 1 || b[3]! >> 4 > 10 || ((b[3]! >> 1) & 7) === 3) return null;
  const num = codedNumber(b, 4);
  if (!num) return null;
  let at = 4 + num.length;
  const block = blockSizeFor(b[2]! >> 4, b, at);
  if (!block) return null;
  at += block.extra + (rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0);
  if (b.length <= at || flacCrc8(b, at) !== b[at]!) return null;
  return { headerLength: at + 1, blockSize: block.size, number: num.value, variable: (b[1]! & 1) === 1 };
}
