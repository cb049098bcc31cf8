// The hashed content of an audit entry and how its hash is computed. Shared by the writer
// (append-audit-entry.ts) and every verifier, which must never import the database: the offline
// bundle verifier runs on an auditor's machine with nothing but the bundle and the keys.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';

/** prevHash of sequence 1: the chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly the fields covered by entryHash (keyId and signature are not: the signature covers entryHash). */
export type TAuditHashed = {
  /** Decimal string: bigint is not JSON, and the canonical form must not depend on a number type. */
  sequence: string;
  /** ISO 8601 UTC with milliseconds, as stored (timestamptz(3)). */
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
  prevHash: string;
};

/** An entry as stored: hashed content plus its hash, signature and the id of the signing key. */
export type TAuditRecord = TAuditHashed & { entryHash: string; signature: string; keyId: string };

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

type TAuditContent = Omit<TAuditHashed, 'sequence' | 'prevHash'>;

/** Exactly the content fields (a record may carry more, e.g. entryHash, which must not be hashed). */
function contentOf(entry: TAuditContent): TAuditContent {
  const { occurredAt, actorType, actorId, action, subjectType, subjectId, details } = entry;
  return { occurredAt, actorType, actorId, action, subjectType, subjectId, details };
}

/** entryHash = hex SHA-256 of the RFC 8785-style canonical JSON of the hashed fields. */
export function hashAuditEntry(entry: TAuditHashed): string {
  const hashed: TAuditHashed = { sequence: entry.sequence, ...contentOf(entry), prevHash: entry.prevHash };
  return sha256Hex(canonicalJson(hashed));
}

/**
 * What a writer signs when it commits an entry to the journal, before the sequencer gives it a
 * sequence and a link: the content plus the writer-chosen journal id (so a copied row is not a new entry).
 */
export type TAuditJournalContent = TAuditContent & { journalId: string };

/** contentHash of a journal row: hex SHA-256 of the canonical JSON of exactly these fields. */
export function hashAuditJournalEntry(entry: TAuditJournalContent): string {
  const hashed: TAuditJournalContent = { journalId: entry.journalId, ...contentOf(entry) };
  return sha256Hex(canonicalJson(hashed));
}

/** A journal row as stored: content, its hash, the writer's signature of that hash and the key id. */
export type TAuditJournalRecord = TAuditJournalContent & { contentHash: string; signature: string; keyId: string };
