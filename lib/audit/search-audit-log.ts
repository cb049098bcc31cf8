// The auditor's search over the whole audit trail: filters by actor (a user's email or any actor id),
// action (a registered name, or a family such as "access."), subject and time range; newest first,
// paged server-side. Each entry comes with its actor resolved to a person, its details masked for roles
// that may not see customer identifiers, and the registry's one-line description of what happened.
// The search itself is audited (access.audit_searched): who looked through the trail, for what.
import { z } from 'zod';
import { AUDIT_SUBJECT_TYPES } from '@/lib/audit/actions';
import { presentAuditEntries, type TAuditLogEntry } from '@/lib/audit/present-audit-entries';
import { recordAccess } from '@/lib/audit/record-access';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { awaitAuditChain } from '@/lib/audit/await-audit-chain';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const ZAuditSearch = z
  .object({
    actor: optionalText(200),
    action: optionalText(100).refine(
      (v) => v === undefined || /^[a-z_]+(\.[a-z_]*)?$/.test(v),
      'an action name such as playback.issued, or a family such as access.',
    ),
    subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
    subjectId: optionalText(300),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: '"from" must be before "to"', path: ['to'] });
export type TAuditSearch = z.output<typeof ZAuditSearch>;

export type TAuditSearchResult = { entries: TAuditLogEntry[]; total: number; page: number; pageSize: number; pages: number };

async function actorIds(actor: string): Promise<string[]> {
  if (!actor.includes('@')) return [actor];
  const user = await db().user.findUnique({ where: { email: actor.toLowerCase() }, select: { id: true } });
  return user ? [user.id] : [];
}

async function whereOf(q: TAuditSearch): Promise<Prisma.AuditEntryWhereInput> {
  const action = q.action === undefined ? {} : q.action.endsWith('.') ? { action: { startsWith: q.action } } : { action: q.action };
  return {
    ...(q.actor !== undefined ? { actorId: { in: await actorIds(q.actor) } } : {}),
    ...action,
    ...(q.subjectType ? { subjectType: q.subjectType } : {}),
    ...(q.subjectId ? { subjectId: q.subjectId } : {}),
    ...(q.from || q.to ? { occurredAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
  };
}

/** The filters as recorded in the search's own audit entry (dates as ISO strings, empty ones left out). */
function auditedFilters(q: TAuditSearch): Record<string, string> {
  const { page: _page, pageSize: _size, from, to, ...rest } = q;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  if (from) out.from = from.toISOString();
  if (to) out.to = to.toISOString();
  return out;
}

/** `unmasked`: whether the viewer may see identifiers in clear (masked details and actor emails otherwise). */
export async function searchAuditLog(
  q: TAuditSearch,
  viewer: { id: string; email: string; unmasked: boolean },
): Promise<TAuditSearchResult> {
  await awaitAuditChain();
  const where = await whereOf(q);
  const [total, rows] = await Promise.all([
    db().auditEntry.count({ where }),
    db().auditEntry.findMany({ where, orderBy: { sequence: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  const entries = await presentAuditEntries(rows, viewer.unmasked);
  await recordAccess(
    viewer,
    'access.audit_searched',
    { type: 'search', id: 'audit' },
    { filters: auditedFilters(q), page: q.page, resultCount: entries.length, total },
  );
  return { entries, total, page: q.page, pageSize: q.pageSize, pages: Math.max(1, Math.ceil(total / q.pageSize)) };
}
