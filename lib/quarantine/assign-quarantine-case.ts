// Who works a case: assign it to yourself or to another reviewer/admin, or hand it back (unassigned).
// Only cases still waiting on someone can be assigned; the change is audited with both the old and new assignee.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db, type DbTx } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { ACTIVE_STATES } from '@/lib/quarantine/quarantine-query';
import type { TDecider } from '@/lib/quarantine/resolve-quarantine-case';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';

export const ZAssignQuarantineCase = z
  .object({
    /** "me", a user id, or null to unassign. */
    assignee: z.union([z.literal('me'), z.uuid({ error: '"me", a user id, or null' }), z.null()]),
  })
  .strict();

async function assigneeFor(tx: DbTx, assignee: string | null, user: TUserRef) {
  if (assignee === null) return null;
  const id = assignee === 'me' ? user.id : assignee;
  const target = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, role: true, disabled: true } });
  if (!target || target.disabled)
    throw new AppError('unprocessable', 'No active user with that id', [{ path: 'assignee', message: 'unknown or disabled user' }]);
  if (!can(target.role, 'quarantine.decide'))
    throw new AppError('unprocessable', `${target.email} cannot work quarantine cases`, [
      { path: 'assignee', message: 'not a reviewer or admin' },
    ]);
  return target;
}

export async function assignQuarantineCase(input: { caseId: string; assignee: string | null; user: TDecider }) {
  const { user, caseId } = input;
  if (!can(user.role, 'quarantine.decide')) throw new AppError('forbidden', 'Only reviewers and admins assign quarantine cases');
  return db().$transaction(async (tx) => {
    const c = await tx.quarantineCase.findUnique({
      where: { id: caseId },
      select: {
        id: true,
        state: true,
        recordingId: true,
        recording: { select: { dataResidencyRegion: true } },
        assignedTo: { select: { id: true, email: true } },
      },
    });
    if (!c) throw new AppError('not_found', 'Quarantine case not found');
    assertRegionAccess(user.regions, c.recording.dataResidencyRegion);
    if (!(ACTIVE_STATES as readonly string[]).includes(c.state))
      throw new AppError('conflict', `A case in state ${c.state} is finished and cannot be assigned`);
    const target = await assigneeFor(tx, input.assignee, user);
    const assignedToId = target?.id ?? null;
    if ((c.assignedTo?.id ?? null) === assignedToId)
      return { caseId, assignedTo: target ? { id: target.id, email: target.email } : null, changed: false };
    // The previous assignee in WHERE: two people re-assigning at once cannot both win silently.
    const { count } = await tx.quarantineCase.updateMany({
      where: { id: caseId, assignedToId: c.assignedTo?.id ?? null },
      data: { assignedToId, assignedAt: target ? new Date() : null },
    });
    if (count !== 1) throw new AppError('conflict', 'The case was re-assigned by someone else meanwhile');
    const entry = { actorType: 'user', actorId: user.id, subjectType: 'quarantine_case', subjectId: caseId } as const;
    const base = { caseId, recordingId: c.recordingId, from: c.assignedTo?.email ?? null, userEmail: user.email };
    if (target) await appendAuditEntry({ ...entry, action: 'quarantine.assigned', details: { ...base, to: target.email } }, tx);
    else await appendAuditEntry({ ...entry, action: 'quarantine.unassigned', details: { ...base, to: null } }, tx);
    return { caseId, assignedTo: target ? { id: target.id, email: target.email } : null, changed: true };
  });
}
