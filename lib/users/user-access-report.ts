// The per-user access report for compliance: everything a user looked at or was refused (searches with
// their filters and counts, recordings opened, playbacks with reasons, exports, denials) and their
// sign-ins and sign-outs, with address and user agent, over a time range. Viewing it is itself audited.
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { recordAccess } from '@/lib/audit/record-access';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { awaitAuditChain } from '@/lib/audit/await-audit-chain';
import { maskPayload } from '@/lib/masking/mask-payload';

/** Action-name prefixes that are a user's access to data (or to the console itself). */
export const ACCESS_ACTION_PREFIXES = ['access.', 'auth.', 'playback.', 'audit.export', 'export.', 'evidence.'];

const instant = z.iso
  .datetime({ offset: true })
  .optional()
  .or(z.literal('').transform(() => undefined));

export const ZAccessReportQuery = z.object({
  from: instant,
  to: instant,
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export type TAccessReportEntry = {
  sequence: string;
  occurredAt: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
};

export async function userAccessReport(userId: string, query: z.output<typeof ZAccessReportQuery>, viewer: TUserRef) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
  if (!user) throw new AppError('not_found', 'User not found');
  await awaitAuditChain();
  const occurredAt = { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) };
  const rows = await db().auditEntry.findMany({
    where: {
      actorId: userId,
      OR: ACCESS_ACTION_PREFIXES.map((p) => ({ action: { startsWith: p } })),
      ...(query.from || query.to ? { occurredAt } : {}),
    },
    orderBy: { sequence: 'desc' },
    take: query.limit,
  });
  await recordAccess(
    viewer,
    'access.report_viewed',
    { type: 'user', id: userId },
    { from: query.from ?? null, to: query.to ?? null, entries: rows.length },
  );
  // An officer's search filters can hold a customer's number: masked for a viewer who may not see it.
  const clear = can(viewer.role, 'identifiers.unmasked');
  const entries: TAccessReportEntry[] = rows.map((e) => ({
    sequence: e.sequence.toString(),
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    details: clear ? e.details : maskPayload(e.details, []),
  }));
  return { user, entries };
}
