// An audit entry as the console shows it in a history (no chain hashes), its details passed through the
// viewer's masking, and described from the masked details (so the line never shows what the JSON hides).
import { describeAuditEntry } from '@/lib/audit/actions';
import type { TAuditHashed, TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { listMinimisedFields } from '@/lib/audit/list-minimised-fields';
import type { TFreeTextOpeningView } from '@/lib/audit/open-free-text';

/** An audit entry as a history shows it: `description` is the registry's line, rendered from the (masked) details. */
export type TAuditEntryView = Omit<TAuditHashed, 'prevHash'> & {
  description: string;
  /** Free-text fields the trail holds masked since they were written (their originals live in their own records). */
  maskedAtWrite: string[];
  /** For roles that see identifiers in clear only: what was typed in each masked field, checked against the trail. */
  openings?: TFreeTextOpeningView[];
};

export function toAuditEntryView(e: TAuditRecord, mask: ((details: unknown) => unknown) | null): TAuditEntryView {
  const details = mask ? mask(e.details) : e.details;
  return {
    sequence: e.sequence,
    occurredAt: e.occurredAt,
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    details,
    description: describeAuditEntry({ ...e, details }),
    maskedAtWrite: listMinimisedFields(e.action, e.details),
  };
}
