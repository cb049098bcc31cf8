// The public half of every audit signing key (retired ones included) with validity periods and
// fingerprints, plus the newest published checkpoints: what an auditor needs, out of band, to verify
// bundles with the standalone verifier and to recognise the checkpoints they are proven against.
import { KEYS_FORMAT, type TPublishedKeySet } from '@/lib/audit/signing-keys';
import { signingProvider } from '@/lib/audit/signing-provider';
import { db } from '@/lib/db';

export type TPublishedCheckpointRow = {
  id: string;
  treeSize: string;
  rootHash: string;
  createdAt: string;
  keyId: string;
  reason: string;
  bucket: string;
  key: string;
};

export async function listPublishedKeys(): Promise<TPublishedKeySet> {
  return { format: KEYS_FORMAT, keys: await signingProvider().publishedKeys() };
}

/** The newest checkpoints, newest first (their objects are in the audit bucket under checkpoints/). */
export async function listRecentCheckpoints(take = 10): Promise<TPublishedCheckpointRow[]> {
  const rows = await db().auditCheckpoint.findMany({ orderBy: [{ treeSize: 'desc' }, { createdAt: 'desc' }], take });
  return rows.map((r) => ({
    id: r.id,
    treeSize: r.treeSize.toString(),
    rootHash: r.rootHash,
    createdAt: r.createdAt.toISOString(),
    keyId: r.keyId,
    reason: r.reason,
    bucket: r.bucket,
    key: r.key,
  }));
}
