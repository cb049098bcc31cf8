// Audit entries as the auditor's desk shows them: the history view (masked details + readable line) and
// the actor resolved to a person when it is a console user — name, and email masked for roles that may
// not see identifiers in clear. One query for all the page's users, whatever the page size.
import { toAuditEntryView } from '@/lib/audit/to-audit-entry-view';
import { toAuditRecord, type TAuditEntryRow } from '@/lib/audit/to-audit-record';
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { isUuid } from '@/lib/http/uuid-param';
import { maskIdentifier } from '@/lib/recordings/mask-identifier';
import { maskPayload } from '@/lib/recordings/mask-payload';
import type { TAuditEntryView } from '@/lib/recordings/types';

export type TAuditActorView = { name: string; email: string };
export type TAuditLogEntry = TAuditEntryView & { actor: TAuditActorView | null };

export async function presentAuditEntries(rows: TAuditEntryRow[], role: TRole): Promise<TAuditLogEntry[]> {
  const unmasked = can(role, 'identifiers.unmasked');
  const ids = [...new Set(rows.filter((r) => r.actorType === 'user' && isUuid(r.actorId)).map((r) => r.actorId))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, { name: u.name, email: unmasked ? u.email : maskIdentifier(u.email) }]));
  return rows.map((row) => ({
    ...toAuditEntryView(toAuditRecord(row), unmasked ? null : (d) => maskPayload(d, [])),
    actor: row.actorType === 'user' ? (byId.get(row.actorId) ?? null) : null,
  }));
}
