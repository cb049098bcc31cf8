// Appends one entry to the hash-chained, HMAC-signed audit log.
// Writers serialize on a transaction-scoped advisory lock, so concurrent workers and web requests
// extend one chain and never fork it; the entry commits or rolls back with the caller's transaction.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { db, type DbTx } from '@/lib/db';

export const AUDIT_CHAIN_LOCK = 727_001;
export const GENESIS_HASH = '0'.repeat(64);

export type TAuditInput = {
  actorType: 'user' | 'system' | 'vendor' | 'worker';
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

export type TAuditHashed = {
  sequence: string;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
  prevHash: string;
};

export function hashAuditEntry(entry: TAuditHashed): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

async function appendWithin(tx: DbTx, input: TAuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true, entryHash: true } });
  const sequence = (last?.sequence ?? 0n) + 1n;
  // Round-trip details through JSON so what we hash is exactly what jsonb will hand back.
  const details = JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>;
  const hashed: TAuditHashed = {
    sequence: sequence.toString(),
    occurredAt: new Date().toISOString(),
    actorType: input.actorType,
    actorId: input.actorId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    details,
    prevHash: last?.entryHash ?? GENESIS_HASH,
  };
  const entryHash = hashAuditEntry(hashed);
  const provider = auditKeyProvider();
  const keyId = provider.activeKeyId();
  const signature = await provider.sign(keyId, entryHash);
  return tx.auditEntry.create({
    data: { ...hashed, details: details as object, sequence, occurredAt: new Date(hashed.occurredAt), entryHash, signature, keyId },
  });
}

/** Pass the caller's transaction to make the entry part of the same commit; otherwise it gets its own. */
export async function appendAuditEntry(input: TAuditInput, tx?: DbTx) {
  if (tx) return appendWithin(tx, input);
  return db().$transaction((t) => appendWithin(t, input));
}
