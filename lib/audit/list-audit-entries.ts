// Audit history for the console (a recording's, a case's, a user's), newest first, paged by sequence.
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { toAuditRecord } from '@/lib/audit/to-audit-record';
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { db } from '@/lib/db';

export type TAuditEntryFilter = { subjectType?: string; subjectId?: string; take?: number; beforeSequence?: bigint };
export type TAuditEntryPage = { entries: TAuditRecord[]; nextBeforeSequence: string | null };

const MAX_TAKE = 200;

export async function listAuditEntries(filter: TAuditEntryFilter): Promise<TAuditEntryPage> {
  const take = Math.min(Math.max(filter.take ?? 50, 1), MAX_TAKE);
  // History shows chained entries only. With workers running the sequencer chains within moments;
  // without any (a console on its own) this request chains what is pending so the history is current.
  await flushAuditSequencer({ wait: false });
  const rows = await db().auditEntry.findMany({
    where: {
      ...(filter.subjectType ? { subjectType: filter.subjectType } : {}),
      ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
      ...(filter.beforeSequence !== undefined ? { sequence: { lt: filter.beforeSequence } } : {}),
    },
    orderBy: { sequence: 'desc' },
    take: take + 1,
  });
  const page = rows.slice(0, take);
  return {
    entries: page.map(toAuditRecord),
    nextBeforeSequence: rows.length > take ? page[page.length - 1]!.sequence.toString() : null,
  };
}
