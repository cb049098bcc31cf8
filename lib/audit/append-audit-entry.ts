// Appends entries to the audit log without serializing writers: each call signs its entries and
// writes them to the "AuditJournal" in ONE statement, inside the caller's transaction when one is
// passed (so the entries commit or roll back with the facts they record). No lock is taken and no
// chain head is read here; the audit sequencer (workers/processors/audit-sequencer.ts) later gives
// committed journal rows their sequence numbers and hash links in batches. Signing happens before
// the statement, so a KMS round trip never holds anything that other writers wait for.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { hashAuditJournalEntry, type TAuditJournalContent, type TAuditJournalRecord } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { db, type DbTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export type TAuditInput = {
  actorType: 'user' | 'system' | 'vendor' | 'worker';
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

/** An entry as committed to the journal: chained later, when the sequencer assigns it a sequence. */
export type TJournaledAuditEntry = TAuditJournalRecord;

const MAX_BATCH = 1000;

/** Checks and normalizes one input; everything that can fail on bad input fails before any write. */
function prepare(input: TAuditInput, occurredAt: string): TAuditJournalContent {
  for (const field of ['actorType', 'actorId', 'action', 'subjectType', 'subjectId'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') throw new TypeError(`audit entry: ${field} must be a non-empty string`);
  }
  // Round-trip details through canonical JSON so what we hash is exactly what jsonb will hand back.
  const details = JSON.parse(canonicalJson(input.details ?? {})) as unknown;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) throw new TypeError('audit entry: details must be an object');
  const { actorType, actorId, action, subjectType, subjectId } = input;
  return { journalId: randomUUID(), occurredAt, actorType, actorId, action, subjectType, subjectId, details };
}

function insertStatement(entries: TJournaledAuditEntry[]) {
  const rows = entries.map(
    (e) => Prisma.sql`(${e.journalId}::uuid, ${new Date(e.occurredAt)}, ${e.actorType}, ${e.actorId}, ${e.action}, ${e.subjectType}, ${e.subjectId},
      ${canonicalJson(e.details)}::jsonb, ${e.contentHash}, ${e.signature}, ${e.keyId})`,
  );
  return Prisma.sql`INSERT INTO "AuditJournal" ("id", "occurredAt", "actorType", "actorId", "action", "subjectType", "subjectId",
    "details", "contentHash", "signature", "keyId") VALUES ${Prisma.join(rows)}`;
}

/** Hashes and signs the entries (concurrently: one KMS round trip for a step, not n). */
async function signEntries(inputs: TAuditInput[]): Promise<TJournaledAuditEntry[]> {
  const occurredAt = new Date().toISOString();
  const contents = inputs.map((input) => prepare(input, occurredAt));
  const provider = auditKeyProvider();
  const keyId = provider.activeKeyId();
  return Promise.all(
    contents.map(async (content) => {
      const contentHash = hashAuditJournalEntry(content);
      return { ...content, contentHash, signature: await provider.sign(keyId, contentHash), keyId };
    }),
  );
}

/**
 * Appends several entries of one step, in order, with one INSERT: pass the caller's transaction to
 * make them part of the same commit; otherwise the statement commits on its own.
 */
export async function appendAuditEntries(inputs: TAuditInput[], tx?: DbTx): Promise<TJournaledAuditEntry[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_BATCH) throw new RangeError(`appendAuditEntries: at most ${MAX_BATCH} entries per call`);
  const entries = await signEntries(inputs);
  await (tx ?? db()).$executeRaw(insertStatement(entries));
  return entries;
}

export async function appendAuditEntry(input: TAuditInput, tx?: DbTx): Promise<TJournaledAuditEntry> {
  const [entry] = await appendAuditEntries([input], tx);
  return entry!;
}
