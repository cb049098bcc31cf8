// The Merkle tree over the audit chain, as RFC 9162 (Certificate Transparency v2) defines it: leaf i
// is the entry with sequence i + 1, leaf hash = SHA-256(0x00 || leaf data), interior node =
// SHA-256(0x01 || left || right), the root of n leaves splits at the largest power of two below n.
// Proofs are expressed as "compact ranges": the maximal aligned perfect subtrees covering an index
// range. Any such list covering [0, n), merged and folded from the right, yields the tree's root, so
// one small routine checks inclusion of a run of entries and consistency between two tree sizes.
// node:crypto only: this file is part of the standalone verifier.
import { createHash } from 'node:crypto';

/** An aligned perfect subtree: leaves [start, start + size), size a power of two, start a multiple of size. */
export type TMerkleNode = { start: number; size: number; hash: string };

export const EMPTY_TREE_ROOT = createHash('sha256').digest('hex');

export function leafHash(data: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest('hex');
}

export function nodeHash(left: string, right: string): string {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(Buffer.from(left, 'hex'))
    .update(Buffer.from(right, 'hex'))
    .digest('hex');
}

/** The maximal aligned perfect subtrees covering [start, end), left to right. */
export function decompose(start: number, end: number): { start: number; size: number }[] {
  const out: { start: number; size: number }[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    out.push({ start: at, size });
    at += size;
  }
  return out;
}

/** Appends nodes left to right, merging adjacent siblings, so the stack is always the compact range so far. */
export class CompactRange {
  private readonly stack: TMerkleNode[] = [];
  private end: number;

  constructor(readonly start: number) {
    this.end = start;
  }

  get size(): number {
    return this.end - this.start;
  }

  appendLeaf(hash: string): void {
    this.appendNode({ start: this.end, size: 1, hash });
  }

  appendNode(node: TMerkleNode): void {
    if (node.start !== this.end) throw new Error(`merkle: node at ${node.start} does not continue the range ending at ${this.end}`);
    if (node.size < 1 || (node.size & (node.size - 1)) !== 0 || node.start % node.size !== 0)
      throw new Error(`merkle: node ${node.start}+${node.size} is not an aligned perfect subtree`);
    let top: TMerkleNode = node;
    for (;;) {
      const left = this.stack.at(-1);
      if (!left || left.size !== top.size || left.start % (top.size * 2) !== 0) break;
      this.stack.pop();
      top = { start: left.start, size: left.size * 2, hash: nodeHash(left.hash, top.hash) };
    }
    this.stack.push(top);
    this.end = node.start + node.size;
  }

  nodes(): TMerkleNode[] {
    return [...this.stack];
  }

  /** Root of the tree [0, end): only meaningful when the range starts at 0. */
  root(): string {
    if (this.start !== 0) throw new Error('merkle: a root needs a range starting at leaf 0');
    return foldRoot(this.stack);
  }
}

/** RFC 9162 root from the compact range of [0, n): hash the perfect subtrees together from the right. */
export function foldRoot(nodes: TMerkleNode[]): string {
  if (nodes.length === 0) return EMPTY_TREE_ROOT;
  let hash = nodes.at(-1)!.hash;
  for (let i = nodes.length - 2; i >= 0; i--) hash = nodeHash(nodes[i]!.hash, hash);
  return hash;
}

/** Whether `nodes` are exactly the compact range of [start, end) (positions and sizes, hashes not judged). */
export function isCompactRange(nodes: readonly { start: number; size: number }[], start: number, end: number): boolean {
  const expected = decompose(start, end);
  return nodes.length === expected.length && expected.every((e, i) => nodes[i]!.start === e.start && nodes[i]!.size === e.size);
}

/** Root of [0, n) from a sequence of compact ranges that together cover it, left to right. */
export function rootFromRanges(...ranges: TMerkleNode[][]): string {
  const all = new CompactRange(0);
  for (const range of ranges) for (const node of range) all.appendNode(node);
  return all.root();
}
