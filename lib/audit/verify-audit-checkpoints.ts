// Verifies every published checkpoint against the live table and its Object-Locked copy, in one pass over
// the chain: the object is still COMPLIANCE-locked and holds exactly the row's signed checkpoint, the
// signature verifies under a published key valid at its time, and the table's entries up to treeSize
// rebuild its Merkle root, chain head and stored frontier. A table rewritten after a checkpoint was
// published — even re-chained and re-signed with the HMAC key — no longer rebuilds that root.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { checkpointDigest } from '@/lib/audit/checkpoint-format';
import { extendAuditTree, frontierNodes } from '@/lib/audit/extend-audit-tree';
import { CompactRange } from '@/lib/audit/merkle';
import { signingProvider, type TSigningProvider } from '@/lib/audit/signing-provider';
import { keyValidAt, signedMessage, verifySignature } from '@/lib/audit/verify-signature';
import { signedCheckpointOf } from '@/lib/audit/write-audit-checkpoint';
import { db, type DbTx } from '@/lib/db';
import type { AuditCheckpoint } from '@/lib/generated/prisma/client';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export type TCheckpointFault = { checkpointId: string; treeSize: string; message: string };
export type TCheckpointsVerification = { ok: boolean; checked: number; fault: TCheckpointFault | null };
export type TVerifyCheckpointsOptions = { client?: DbTx; s3?: S3Client; signer?: TSigningProvider };

async function objectProblem(s3: S3Client, row: AuditCheckpoint): Promise<string | null> {
  const object = await s3.send(new GetObjectCommand({ Bucket: row.bucket, Key: row.key, VersionId: row.versionId ?? undefined }));
  if (object.ObjectLockMode !== 'COMPLIANCE' || !object.ObjectLockRetainUntilDate || object.ObjectLockRetainUntilDate <= new Date()) {
    return `object ${row.key} is not under an active COMPLIANCE lock`;
  }
  const stored = (await object.Body!.transformToString()).trimEnd();
  return stored === canonicalJson(signedCheckpointOf(row)) ? null : `object ${row.key} differs from the AuditCheckpoint row`;
}

async function checkOne(
  row: AuditCheckpoint,
  tree: CompactRange,
  lastHash: string | null,
  o: Required<Omit<TVerifyCheckpointsOptions, 'client'>>,
): Promise<string | null> {
  const signed = signedCheckpointOf(row);
  const key = (await o.signer.publishedKeys()).find((k) => k.keyId === row.keyId);
  if (!key) return `signed with key "${row.keyId}", which is not published`;
  if (!keyValidAt(key, signed.checkpoint.createdAt)) return `signed outside key "${row.keyId}"'s validity`;
  if (!verifySignature(key, signedMessage('checkpoint', checkpointDigest(signed.checkpoint)), row.signature))
    return 'signature does not verify';
  if (tree.root() !== row.rootHash)
    return `the table's entries 1..${row.treeSize} no longer rebuild this checkpoint's root (rewritten after publication?)`;
  if (lastHash !== row.lastHash) return `the table's entry ${row.treeSize} is not this checkpoint's chain head`;
  const frontier = frontierNodes(Number(row.treeSize), row.frontier).map((n) => n.hash);
  if (canonicalJson(frontier) !== canonicalJson(tree.nodes().map((n) => n.hash))) return 'stored frontier differs from the table';
  return objectProblem(o.s3, row);
}

export async function verifyAuditCheckpoints(options: TVerifyCheckpointsOptions = {}): Promise<TCheckpointsVerification> {
  const client = options.client ?? db();
  const o = { s3: options.s3 ?? defaultS3(), signer: options.signer ?? signingProvider() };
  const rows = await client.auditCheckpoint.findMany({ orderBy: [{ treeSize: 'asc' }, { createdAt: 'asc' }] });
  const tree = new CompactRange(0);
  let lastHash: string | null = null;
  let checked = 0;
  for (const row of rows) {
    let problem: string | null;
    try {
      lastHash = (await extendAuditTree(tree, Number(row.treeSize), client)) ?? lastHash;
      problem = await checkOne(row, tree, lastHash, o);
    } catch (error) {
      problem = (error as Error).message; // e.g. a sequence missing from the table
    }
    if (problem) return { ok: false, checked, fault: { checkpointId: row.id, treeSize: row.treeSize.toString(), message: problem } };
    checked++;
  }
  return { ok: true, checked, fault: null };
}
