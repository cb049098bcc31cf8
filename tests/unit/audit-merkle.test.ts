// The Merkle tree against RFC 9162's definition (a direct recursive implementation) and the
// Certificate Transparency reference vectors, and the compact-range proofs built on it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactRange, decompose, EMPTY_TREE_ROOT, foldRoot, isCompactRange, leafHash, nodeHash, rootFromRanges } from '@/lib/audit/merkle';

/** MTH(D[n]) exactly as RFC 9162 section 2.1.1 writes it. */
function mth(leaves: Buffer[]): string {
  if (leaves.length === 0) return createHash('sha256').digest('hex');
  if (leaves.length === 1) return leafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));
function range(leaves: Buffer[], start: number, end: number): CompactRange {
  const r = new CompactRange(start);
  for (const leaf of leaves.slice(start, end)) r.appendLeaf(leafHash(leaf));
  return r;
}

describe('audit Merkle tree', () => {
  it('matches the Certificate Transparency reference roots', () => {
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
      Buffer.from(h, 'hex'),
    );
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    for (let n = 1; n <= 8; n++) expect(range(leaves, 0, n).root()).toBe(roots[n - 1]);
    expect(new CompactRange(0).root()).toBe(EMPTY_TREE_ROOT);
  });

  it('builds the RFC 9162 root incrementally for every size up to 70', () => {
    const leaves = data(70);
    for (let n = 0; n <= 70; n++) expect(range(leaves, 0, n).root(), `size ${n}`).toBe(mth(leaves.slice(0, n)));
  });

  it('proves every sub-range of every tree with its two neighbouring compact ranges', () => {
    const leaves = data(23);
    for (let n = 1; n <= 23; n++) {
      const root = mth(leaves.slice(0, n));
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b <= n; b++) {
          const left = range(leaves, 0, a).nodes();
          const right = range(leaves, b, n).nodes();
          expect(isCompactRange(left, 0, a) && isCompactRange(right, b, n)).toBe(true);
          expect(rootFromRanges(left, range(leaves, a, b).nodes(), right)).toBe(root);
        }
      }
    }
  });

  it('proves consistency: the old tree is a prefix of the new one, and a rewritten prefix is caught', () => {
    const leaves = data(40);
    for (const [m, n] of [
      [1, 2],
      [3, 7],
      [8, 8],
      [13, 40],
      [32, 33],
    ] as const) {
      const old = range(leaves, 0, m).nodes();
      expect(foldRoot(old)).toBe(mth(leaves.slice(0, m)));
      expect(rootFromRanges(old, range(leaves, m, n).nodes())).toBe(mth(leaves.slice(0, n)));
    }
    const rewritten = [...leaves];
    rewritten[5] = Buffer.from('rewritten');
    expect(rootFromRanges(range(rewritten, 0, 13).nodes(), range(leaves, 13, 40).nodes())).not.toBe(mth(leaves));
  });

  it('decomposes ranges into maximal aligned subtrees and refuses misplaced nodes', () => {
    expect(decompose(0, 13)).toEqual([
      { start: 0, size: 8 },
      { start: 8, size: 4 },
      { start: 12, size: 1 },
    ]);
    expect(decompose(5, 16)).toEqual([
      { start: 5, size: 1 },
      { start: 6, size: 2 },
      { start: 8, size: 8 },
    ]);
    expect(decompose(4, 4)).toEqual([]);
    const r = new CompactRange(4);
    expect(() => r.appendNode({ start: 5, size: 1, hash: '0'.repeat(64) })).toThrow(/does not continue/);
    expect(() => r.appendNode({ start: 4, size: 8, hash: '0'.repeat(64) })).toThrow(/not an aligned perfect subtree/);
    expect(
      isCompactRange(
        [
          { start: 0, size: 4 },
          { start: 4, size: 4 },
        ],
        0,
        8,
      ),
    ).toBe(false);
  });
});
