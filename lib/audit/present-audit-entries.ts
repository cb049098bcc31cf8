// Audit entries as the auditor's desk shows them: the history view (masked details + readable line) and
// the actor resolved to a person when it is a console user — name, and email masked for roles that may
// not see identifiers in clear (`unmasked` is the caller's permission). One query for all the page's users,
// whatever the page size.
import { openFreeText } from '@/lib/audit/open-free-text';
import { toAuditEntryView, type TAuditEntryView } from '@/lib/audit/to-audit-entry-view';
import { toAuditRecord, type TAuditEntryRow } from '@/lib/audit/to-audit-record';
import { db } from '@/lib/db';
import { isUuid } from '@/lib/http/uuid-param';
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import { maskPayload } from '@/lib/masking/mask-payload';

export type TAuditActorView = { name: string; email: string };
export type TAuditLogEntry = TAuditEntryView & { actor: TAuditActorView | null };

export async function presentAuditEntries(rows: TAuditEntryRow[], unmasked: boolean): Promise<TAuditLogEntry[]> {
  const ids = [...new Set(rows.filter((r) => r.actorType === 'user' && isUuid(r.actorId)).map((r) => r.actorId))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, { name: u.name, email: unmasked ? u.email : maskIdentifier(u.email) }]));
  const views = rows.map((row) => ({
    ...toAuditEntryView(toAuditRecord(row), unmasked ? null : (d) => maskPayload(d, [])),
    actor: row.actorType === 'user' ? (byId.get(row.actorId) ?? null) : null,
  }));
  return openFreeText(views, unmasked);
}
