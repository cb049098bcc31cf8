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

/** entryHash = hex SHA-256 of the RFC 8785-style canonical JSON of the hashed fields. */
export function hashAuditEntry(entry: TAuditHashed): string {
  const hashed: TAuditHashed = {
    sequence: entry.sequence,
    occurredAt: entry.occurredAt,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details,
    prevHash: entry.prevHash,
  };
  return sha256Hex(canonicalJson(hashed));
}
