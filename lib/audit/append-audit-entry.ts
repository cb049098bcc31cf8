// Appends entries to the audit log without serializing writers: each call signs its entries and
// writes them to the "AuditJournal" in ONE statement, inside the caller's transaction when one is
// passed (so the entries commit or roll back with the facts they record). The openings of masked
// free-text fields go to "AuditFreeText" in that same statement (a data-modifying CTE), so an entry
// never commits without its opening nor an opening without its entry. No lock is taken and no
// chain head is read here; the audit sequencer (workers/processors/audit-sequencer.ts) later gives
// committed journal rows their sequence numbers and hash links in batches. Signing happens before
// the statement, so a KMS round trip never holds anything that other writers wait for.
//
// Entries are typed by the action registry (lib/audit/actions.ts): only registered actions, with one of
// their subject types and details their schema accepts, compile; outside production the details are
// also validated before anything is signed. Every writer, typed or not, goes through prepare(): the
// fields an action declares as free text are masked there, with a salted commitment to the original
// beside them (lib/audit/minimise-audit-details.ts). Originals are never logged nor returned. journalAuditEntries() is the untyped layer underneath, for
// tests and benchmarks of the chain itself; application code never imports it (a unit test checks).
import { randomUUID } from 'node:crypto';
import { auditEntryProblem, type TAuditActorType, type TAuditInput, type TAuditInputFor } from '@/lib/audit/actions';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { hashAuditJournalEntry, type TAuditJournalContent, type TAuditJournalRecord } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { minimiseAuditDetails, type TFreeTextOpening } from '@/lib/audit/minimise-audit-details';
import { db, type DbTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { currentRequestId } from '@/lib/telemetry/request-context';
import { currentTraceId } from '@/lib/telemetry/current-trace-id';

export type { TAuditInput } from '@/lib/audit/actions';

/** An entry as the journal stores it, unchecked against the registry: for chain tests and benchmarks only. */
export type TRawAuditInput = {
  actorType: TAuditActorType;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

/** An entry as committed to the journal: chained later, when the sequencer assigns it a sequence. */
export type TJournaledAuditEntry = TAuditJournalRecord;

const MAX_BATCH = 1000;

type TPrepared = { content: TAuditJournalContent; openings: TFreeTextOpening[] };

/** Checks and normalizes one input; everything that can fail on bad input fails before any write. */
function prepare(input: TRawAuditInput, occurredAt: string): TPrepared {
  for (const field of ['actorType', 'actorId', 'action', 'subjectType', 'subjectId'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') throw new TypeError(`audit entry: ${field} must be a non-empty string`);
  }
  // Round-trip details through canonical JSON so what we hash is exactly what jsonb will hand back.
  const parsed = JSON.parse(canonicalJson(input.details ?? {})) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('audit entry: details must be an object');
  const { actorType, actorId, action, subjectType, subjectId } = input;
  // Free text is minimised here, before hashing: once signed and sealed, an entry can never be redacted.
  const { details, openings } = minimiseAuditDetails(action, parsed as Record<string, unknown>);
  return { content: { journalId: randomUUID(), occurredAt, actorType, actorId, action, subjectType, subjectId, details }, openings };
}

type TSigned = { entry: TJournaledAuditEntry; openings: TFreeTextOpening[] };

function insertStatement(signed: TSigned[]) {
  const entries = signed.map((s) => s.entry);
  const rows = entries.map(
    (
      e,
    ) => Prisma.sql`(${e.journalId}::uuid, ${new Date(e.occurredAt)}, ${e.actorType}, ${e.actorId}, ${e.action}, ${e.subjectType}, ${e.subjectId},
      ${canonicalJson(e.details)}::jsonb, ${e.contentHash}, ${e.signature}, ${e.keyId})`,
  );
  const journal = Prisma.sql`INSERT INTO "AuditJournal" ("id", "occurredAt", "actorType", "actorId", "action", "subjectType", "subjectId",
    "details", "contentHash", "signature", "keyId") VALUES ${Prisma.join(rows)}`;
  const openings = signed.flatMap((s) =>
    s.openings.map((o) => Prisma.sql`(${s.entry.journalId}::uuid, ${o.field}, ${o.original}, ${o.salt})`),
  );
  if (openings.length === 0) return journal;
  return Prisma.sql`WITH "journal" AS (${journal})
    INSERT INTO "AuditFreeText" ("journalId", "field", "original", "salt") VALUES ${Prisma.join(openings)}`;
}

/** Which request and trace wrote the entry (present only inside a request or a traced span). */
export function auditContext(): Record<string, string> {
  const traceId = currentTraceId();
  const requestId = currentRequestId();
  return { ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
}

function withContext(input: TRawAuditInput, context: Record<string, string>): TRawAuditInput {
  if (Object.keys(context).length === 0) return input;
  return { ...input, details: { ...context, ...input.details } };
}

/** Entries get the current request id and trace id (auditContext) unless `ambientContext: false`: a batch
 *  gathered from several requests puts each one's own context in its details instead. */
export type TAppendOptions = { ambientContext?: boolean };

/** Hashes and signs the entries (concurrently: one KMS round trip for a step, not n). */
async function signEntries(inputs: TRawAuditInput[], opts: TAppendOptions): Promise<TSigned[]> {
  const occurredAt = new Date().toISOString();
  const context = opts.ambientContext === false ? {} : auditContext();
  const prepared = inputs.map((input) => prepare(withContext(input, context), occurredAt));
  const provider = auditKeyProvider();
  const keyId = provider.activeKeyId();
  return Promise.all(
    prepared.map(async ({ content, openings }) => {
      const contentHash = hashAuditJournalEntry(content);
      return { entry: { ...content, contentHash, signature: await provider.sign(keyId, contentHash), keyId }, openings };
    }),
  );
}

/** Appends entries without checking them against the action registry (tests and benchmarks of the chain). */
export async function journalAuditEntries(inputs: TRawAuditInput[], tx?: DbTx, opts: TAppendOptions = {}): Promise<TJournaledAuditEntry[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_BATCH) throw new RangeError(`appendAuditEntries: at most ${MAX_BATCH} entries per call`);
  const signed = await signEntries(inputs, opts);
  await (tx ?? db()).$executeRaw(insertStatement(signed));
  return signed.map((s) => s.entry);
}

export async function journalAuditEntry(input: TRawAuditInput, tx?: DbTx): Promise<TJournaledAuditEntry> {
  const [entry] = await journalAuditEntries([input], tx);
  return entry!;
}

// Validation costs a zod parse per entry: worth it wherever code is written and tested, not on the hot path.
const validate = process.env.NODE_ENV !== 'production';

function checkRegistered(inputs: readonly TAuditInput[]): void {
  if (!validate) return;
  for (const input of inputs) {
    const problem = auditEntryProblem(input);
    if (problem) throw new TypeError(problem);
  }
}

/**
 * Appends several entries of one step, in order, with one INSERT: pass the caller's transaction to
 * make them part of the same commit; otherwise the statement commits on its own.
 */
export async function appendAuditEntries(
  inputs: readonly TAuditInput[],
  tx?: DbTx,
  opts: TAppendOptions = {},
): Promise<TJournaledAuditEntry[]> {
  checkRegistered(inputs);
  return journalAuditEntries([...inputs], tx, opts);
}

/** Appends one entry; `action` must be registered in lib/audit/actions.ts (the compile error says so). */
export async function appendAuditEntry<A extends string>(
  input: { action: A } & TAuditInputFor<A>,
  tx?: DbTx,
): Promise<TJournaledAuditEntry> {
  const [entry] = await appendAuditEntries([input as unknown as TAuditInput], tx);
  return entry!;
}
