// A database row of "AuditEntry" in the representation every bundle, segment and verifier uses:
// bigint sequence as a decimal string, occurredAt as ISO 8601 with milliseconds.
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { AuditEntry } from '@/lib/generated/prisma/client';

/** The Prisma row type (type-only import: nothing of the database client is loaded here). */
export type TAuditEntryRow = AuditEntry;

export function toAuditRecord(row: TAuditEntryRow): TAuditRecord {
  return {
    sequence: row.sequence.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
    prevHash: row.prevHash,
    entryHash: row.entryHash,
    signature: row.signature,
    keyId: row.keyId,
  };
}
