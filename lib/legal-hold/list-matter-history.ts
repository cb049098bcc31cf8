// A matter's history: entries filed under the matter (opened, recordings added, holds placed or released
// for all, packages built) and the per-recording hold entries that name it, newest first. Roles that see
// customer identifiers masked get free text (reasons) masked.
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { maskPayload } from '@/lib/masking/mask-payload';
import { openFreeText } from '@/lib/audit/open-free-text';
import { toAuditEntryView, type TAuditEntryView } from '@/lib/audit/to-audit-entry-view';
import { toAuditRecord } from '@/lib/audit/to-audit-record';

const TAKE = 200;

export async function listMatterHistory(matterId: string, role: TRole): Promise<{ entries: TAuditEntryView[] }> {
  const matter = await findMatter(matterId);
  await flushAuditSequencer({ wait: false });
  const rows = await db().auditEntry.findMany({
    where: { OR: [{ subjectType: 'matter', subjectId: matter.id }, { details: { path: ['matterId'], equals: matter.id } }] },
    orderBy: { sequence: 'desc' },
    take: TAKE,
  });
  const masked = !can(role, 'identifiers.unmasked');
  const entries = rows.map((row) => toAuditEntryView(toAuditRecord(row), masked ? (d) => maskPayload(d, []) : null));
  return { entries: await openFreeText(entries, !masked) };
}
