// Feeds the Merkle leaves of chained audit entries (sequence order, from the table) into a compact
// range, so a checkpoint or a proof extends what an earlier checkpoint already computed instead of
// re-reading the chain from sequence 1.
import { auditLeafHash, entryTags } from '@/lib/audit/merkle-leaf';
import { CompactRange, decompose, type TMerkleNode } from '@/lib/audit/merkle';
import { streamAuditEntries } from '@/lib/audit/stream-audit-entries';
import type { DbTx } from '@/lib/db';

/** The compact range [0, treeSize) stored with a checkpoint (its hashes, positions follow from the size). */
export function frontierNodes(treeSize: number, hashes: unknown): TMerkleNode[] {
  const shape = decompose(0, treeSize);
  if (!Array.isArray(hashes) || hashes.length !== shape.length || !hashes.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) {
    throw new Error(`audit checkpoint of size ${treeSize}: stored frontier does not fit the tree`);
  }
  return shape.map((node, i) => ({ ...node, hash: hashes[i] as string }));
}

/** Appends the leaves of sequences range.end + 1 .. toSize; returns the last entryHash read (null if none). */
export async function extendAuditTree(range: CompactRange, toSize: number, client: DbTx): Promise<string | null> {
  const end = range.start + range.size;
  if (toSize <= end) return null;
  let lastHash: string | null = null;
  let expected = BigInt(end + 1);
  for await (const batch of streamAuditEntries({ range: { first: String(end + 1), last: String(toSize) }, client })) {
    for (const record of batch) {
      if (BigInt(record.sequence) !== expected) throw new Error(`audit chain gap: sequence ${expected} is missing`);
      range.appendLeaf(auditLeafHash(record.entryHash, entryTags(record)));
      lastHash = record.entryHash;
      expected++;
    }
  }
  if (expected !== BigInt(toSize) + 1n) throw new Error(`audit chain gap: sequence ${expected} is missing`);
  return lastHash;
}
