// Builds the Merkle proofs an export carries: the compact ranges left and right of its sequence range
// within the anchor checkpoint's tree (inclusion of every sequence of the range), and the compact
// ranges showing the previous checkpoint's tree is a prefix of the anchor's (consistency). Stored
// checkpoint frontiers spare re-reading the chain before them; only entries after the nearest earlier
// checkpoint and after the range are read.
import type { TBundleProof, TSequenceRange } from '@/lib/audit/bundle-format';
import { extendAuditTree, frontierNodes } from '@/lib/audit/extend-audit-tree';
import { CompactRange, type TMerkleNode } from '@/lib/audit/merkle';
import { db, type DbTx } from '@/lib/db';
import type { AuditCheckpoint } from '@/lib/generated/prisma/client';

/** The compact range [0, size): from the largest checkpoint frontier not beyond it, extended from the table. */
async function prefixNodes(size: number, client: DbTx): Promise<TMerkleNode[]> {
  const base = await client.auditCheckpoint.findFirst({ where: { treeSize: { lte: BigInt(size) } }, orderBy: { treeSize: 'desc' } });
  const tree = new CompactRange(0);
  if (base) for (const node of frontierNodes(Number(base.treeSize), base.frontier)) tree.appendNode(node);
  await extendAuditTree(tree, size, client);
  return tree.nodes();
}

async function suffixNodes(start: number, treeSize: number, client: DbTx): Promise<TMerkleNode[]> {
  const tree = new CompactRange(start);
  await extendAuditTree(tree, treeSize, client);
  return tree.nodes();
}

export type TProveInput = { range: TSequenceRange | null; checkpoint: AuditCheckpoint; previous: AuditCheckpoint | null };

export async function proveAuditRange(input: TProveInput, client: DbTx = db()): Promise<TBundleProof> {
  const treeSize = Number(input.checkpoint.treeSize);
  let inclusion: TBundleProof['inclusion'] = null;
  if (input.range) {
    const first = Number(input.range.first);
    const last = Number(input.range.last);
    if (last > treeSize) throw new Error(`audit proof: range ends at ${last}, beyond checkpoint tree size ${treeSize}`);
    inclusion = { left: await prefixNodes(first - 1, client), right: await suffixNodes(last, treeSize, client) };
  }
  let consistency: TBundleProof['consistency'] = null;
  if (input.previous) {
    const size = Number(input.previous.treeSize);
    consistency = { old: frontierNodes(size, input.previous.frontier), added: await suffixNodes(size, treeSize, client) };
  }
  return { inclusion, consistency };
}
