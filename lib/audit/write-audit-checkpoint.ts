// Publishes a signed checkpoint of the audit chain: the Merkle root over every chained entry, signed
// with the asymmetric signing key, written Object-Locked to the audit bucket, then recorded in
// "AuditCheckpoint". Runs on a schedule (audit.checkpoint) and at the start of every export, so each
// export is checked against a checkpoint that was published before it was made. When nothing was
// chained since the newest checkpoint, that checkpoint is returned instead of a duplicate.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { canonicalJson } from '@/lib/audit/canonical-json';
import {
  checkpointDigest,
  CHECKPOINT_FORMAT,
  CHECKPOINT_FORMAT_VERSION,
  type TCheckpoint,
  type TSignedCheckpoint,
} from '@/lib/audit/checkpoint-format';
import { extendAuditTree, frontierNodes } from '@/lib/audit/extend-audit-tree';
import { CompactRange } from '@/lib/audit/merkle';
import { putLockedAuditObject } from '@/lib/audit/put-locked-audit-object';
import { auditBucket } from '@/lib/audit/seal-audit-segment';
import { signingProvider, type TSigningProvider } from '@/lib/audit/signing-provider';
import { db, type DbTx } from '@/lib/db';
import { env, type TEnv } from '@/lib/env';
import type { AuditCheckpoint } from '@/lib/generated/prisma/client';
import { longestRetentionDays } from '@/lib/retention/longest-retention-days';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

const DAY_MS = 24 * 3600 * 1000;

export type TCheckpointReason = 'scheduled' | 'export';
export type TCheckpointOptions = {
  reason: TCheckpointReason;
  client?: DbTx;
  s3?: S3Client;
  signer?: TSigningProvider;
  config?: TEnv;
  now?: Date;
};
export type TWrittenCheckpoint = { signed: TSignedCheckpoint; row: AuditCheckpoint; created: boolean };

export function signedCheckpointOf(row: AuditCheckpoint): TSignedCheckpoint {
  const checkpoint: TCheckpoint = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    id: row.id,
    treeSize: row.treeSize.toString(),
    rootHash: row.rootHash,
    lastHash: row.lastHash,
    createdAt: row.createdAt.toISOString(),
  };
  return { checkpoint, keyId: row.keyId, signature: row.signature };
}

/** The newest checkpoint (largest tree), or null before the first one. */
export async function latestCheckpoint(client: DbTx = db()): Promise<AuditCheckpoint | null> {
  return client.auditCheckpoint.findFirst({ orderBy: [{ treeSize: 'desc' }, { createdAt: 'desc' }] });
}

export async function writeAuditCheckpoint(options: TCheckpointOptions): Promise<TWrittenCheckpoint | null> {
  const client = options.client ?? db();
  const config = options.config ?? env();
  const head = Number((await client.auditEntry.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n);
  if (head === 0) return null;
  const previous = await latestCheckpoint(client);
  if (previous && Number(previous.treeSize) >= head) return { signed: signedCheckpointOf(previous), row: previous, created: false };
  const tree = new CompactRange(0);
  if (previous) for (const node of frontierNodes(Number(previous.treeSize), previous.frontier)) tree.appendNode(node);
  const lastHash = await extendAuditTree(tree, head, client);
  const now = options.now ?? new Date();
  const checkpoint: TCheckpoint = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    id: randomUUID(),
    treeSize: String(head),
    rootHash: tree.root(),
    lastHash,
    createdAt: now.toISOString(),
  };
  const { keyId, signature } = await (options.signer ?? signingProvider()).sign('checkpoint', checkpointDigest(checkpoint), now);
  const signed: TSignedCheckpoint = { checkpoint, keyId, signature };
  const bucket = auditBucket(config);
  const key = `checkpoints/${checkpoint.treeSize.padStart(20, '0')}-${checkpoint.id}.json`;
  const body = Buffer.from(`${canonicalJson(signed)}\n`, 'utf8');
  // As long as the longest recording window, like sealed segments: the proof outlives what it proves.
  const retainUntil = new Date(now.getTime() + (await longestRetentionDays(client, config.RETENTION_DEFAULT_DAYS)) * DAY_MS);
  const versionId = await putLockedAuditObject(
    options.s3 ?? defaultS3(),
    { bucket, key, body, contentType: 'application/json', retainUntil },
    config,
  );
  const row = await client.auditCheckpoint.create({
    data: {
      id: checkpoint.id,
      treeSize: BigInt(head),
      rootHash: checkpoint.rootHash,
      lastHash,
      frontier: tree.nodes().map((n) => n.hash),
      reason: options.reason,
      keyId,
      signature,
      bucket,
      key,
      versionId,
      createdAt: now,
    },
  });
  return { signed, row, created: true };
}
