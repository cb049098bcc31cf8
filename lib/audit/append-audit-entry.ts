// Appends one entry to the hash-chained, HMAC-signed audit log.
// Writers serialize on a transaction-scoped advisory lock, so concurrent workers and web requests
// extend one chain and never fork it; the entry commits or rolls back with the caller's transaction.
// The lock is held until that transaction ends: append the entry as the caller's LAST write, so the
// chain is not blocked while the caller does other work. Sequence is the primary key and entryHash is
// unique, so even a writer that bypassed the lock could not fork the chain, only fail.
import { canonicalJson } from '@/lib/audit/canonical-json';
import { GENESIS_HASH, hashAuditEntry, type TAuditHashed } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { db, type Db, type DbTx } from '@/lib/db';
import { Prisma, type AuditEntry } from '@/lib/generated/prisma/client';

export const AUDIT_CHAIN_LOCK = 727_001;
// Waiting for the chain lock counts against Prisma's interactive-transaction timeout (5 s by
// default): under a burst of writers that wait is legitimate, so allow more.
const OWN_TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

export type TAuditInput = {
  actorType: 'user' | 'system' | 'vendor' | 'worker';
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

const MAX_BATCH = 1000;
type TPrepared = Omit<TAuditHashed, 'sequence' | 'occurredAt' | 'prevHash'>;

/** Checks and normalizes one input; everything that can fail on bad input happens before the lock. */
function prepare(input: TAuditInput): TPrepared {
  for (const field of ['actorType', 'actorId', 'action', 'subjectType', 'subjectId'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') throw new TypeError(`audit entry: ${field} must be a non-empty string`);
  }
  // Round-trip details through canonical JSON so what we hash is exactly what jsonb will hand back.
  const details = JSON.parse(canonicalJson(input.details ?? {})) as unknown;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) throw new TypeError('audit entry: details must be an object');
  const { actorType, actorId, action, subjectType, subjectId } = input;
  return { actorType, actorId, action, subjectType, subjectId, details };
}

function insertStatement(entries: AuditEntry[]) {
  const rows = entries.map(
    (e) => Prisma.sql`(${e.sequence}, ${e.occurredAt}, ${e.actorType}, ${e.actorId}, ${e.action}, ${e.subjectType}, ${e.subjectId},
      ${canonicalJson(e.details)}::jsonb, ${e.prevHash}, ${e.entryHash}, ${e.signature}, ${e.keyId})`,
  );
  return Prisma.sql`INSERT INTO "AuditEntry" ("sequence", "occurredAt", "actorType", "actorId", "action", "subjectType", "subjectId",
    "details", "prevHash", "entryHash", "signature", "keyId") VALUES ${Prisma.join(rows)}`;
}

async function appendWithin(tx: DbTx, inputs: TAuditInput[]): Promise<AuditEntry[]> {
  const prepared = inputs.map(prepare);
  const provider = auditKeyProvider();
  const keyId = provider.activeKeyId();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  // Raw SQL inside the lock: these statements and the commit bound the chain's throughput.
  const [head] = await tx.$queryRaw<{ sequence: bigint; entryHash: string }[]>`
    SELECT "sequence", "entryHash" FROM "AuditEntry" ORDER BY "sequence" DESC LIMIT 1`;
  let sequence = head?.sequence ?? 0n;
  let prevHash = head?.entryHash ?? GENESIS_HASH;
  const hashed = prepared.map((p) => {
    sequence += 1n;
    const h: TAuditHashed = { ...p, sequence: sequence.toString(), occurredAt: new Date().toISOString(), prevHash };
    prevHash = hashAuditEntry(h);
    return { h, entryHash: prevHash };
  });
  // Signing does not feed the chain, so a batch signs concurrently (one KMS round trip, not n).
  const signatures = await Promise.all(hashed.map(({ entryHash }) => provider.sign(keyId, entryHash)));
  const entries: AuditEntry[] = hashed.map(({ h, entryHash }, i) => ({
    ...h,
    sequence: BigInt(h.sequence),
    occurredAt: new Date(h.occurredAt),
    details: h.details as Prisma.JsonObject,
    entryHash,
    signature: signatures[i]!,
    keyId,
  }));
  await tx.$executeRaw(insertStatement(entries));
  return entries;
}

/**
 * Appends several entries, in order, under one acquisition of the chain lock (one head read, one
 * INSERT): for callers that record several facts in one transaction.
 */
export async function appendAuditEntries(inputs: TAuditInput[], tx?: DbTx): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_BATCH) throw new RangeError(`appendAuditEntries: at most ${MAX_BATCH} entries per call`);
  // A full client passed as `tx` would release the advisory lock after one statement: give it a
  // transaction. (Interactive-transaction clients lack $connect; both have $transaction.)
  if (tx && '$connect' in tx) return (tx as Db).$transaction((t) => appendWithin(t, inputs), OWN_TRANSACTION);
  if (tx) return appendWithin(tx, inputs);
  return db().$transaction((t) => appendWithin(t, inputs), OWN_TRANSACTION);
}

/** Pass the caller's transaction to make the entry part of the same commit; otherwise it gets its own. */
export async function appendAuditEntry(input: TAuditInput, tx?: DbTx): Promise<AuditEntry> {
  const [entry] = await appendAuditEntries([input], tx);
  return entry!;
}
