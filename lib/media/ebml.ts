// EBML variable-length integers (RFC 8794 §4): element IDs keep their marker bit, sizes drop it.
export type TVint = { value: number; length: number; unknown: boolean };

function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 0;
}

/** An element ID (marker kept), or null when the bytes cannot start one. */
export function readElementId(b: Buffer, at = 0): TVint | null {
  const length = vintLength(b[at] ?? 0);
  if (!length || length > 4 || b.length < at + length) return null;
  return { value: b.readUIntBE(at, length), length, unknown: false };
}

/** An element size; all value bits set means "unknown" (a live recorder that never went back to patch it). */
export function readElementSize(b: Buffer, at = 0): TVint | null {
  const length = vintLength(b[at] ?? 0);
  if (!length || b.length < at + length) return null;
  let value = b[at]! & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[at + i]!;
    if (b[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: allOnes };
}

export function readEbmlUint(b: Buffer): number {
  let v = 0;
  for (const byte of b) v = v * 256 + byte;
  return v;
}

export function readEbmlFloat(b: Buffer): number | null {
  if (b.length === 4) return b.readFloatBE(0);
  if (b.length === 8) return b.readDoubleBE(0);
  return null;
}

export function readEbmlInt(b: Buffer): number {
  const u = readEbmlUint(b);
  return b.length && b[0]! & 0x80 ? u - 2 ** (8 * b.length) : u;
}
