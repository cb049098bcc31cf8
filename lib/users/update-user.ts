// Changes a user's role, regions and/or disables/enables them (each change audited). A role change or a
// disable ends the user's sessions at once. Refuses self-changes and leaving the console without an
// enabled administrator, which nobody could undo from the UI.
import type { TAuditDetails, TAuditInput } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import type { TUserRef } from '@/lib/auth/types';
import { db, type DbTx } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { assertKnownRegions } from '@/lib/users/assert-known-regions';
import type { TUpdateUser } from '@/lib/users/user-schemas';
import { isUuid } from '@/lib/http/uuid-param';

async function assertAdminRemains(tx: DbTx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError('conflict', 'This is the last enabled administrator');
}

export async function updateUser(userId: string, change: TUpdateUser, actor: TUserRef): Promise<void> {
  if (!isUuid(userId)) throw new AppError('not_found', 'User not found');
  // Another administrator makes such a change; nobody locks themselves out by a misclick.
  if (userId === actor.id && (change.role !== undefined || change.disabled === true || change.regions !== undefined)) {
    throw new AppError('conflict', 'You cannot change your own role or disable yourself');
  }
  if (change.regions) assertKnownRegions(change.regions);
  await db().$transaction(async (tx) => {
    // Row lock: two admins demoting each other at once must not both succeed.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError('not_found', 'User not found');
    const losesAdmin = user.role === 'ADMIN' && !user.disabled && ((change.role && change.role !== 'ADMIN') || change.disabled === true);
    if (losesAdmin) await assertAdminRemains(tx, userId);
    type TUserChange = 'user.role_changed' | 'user.disabled' | 'user.enabled' | 'user.regions_changed';
    const audit = <A extends TUserChange>(action: A, details: Omit<TAuditDetails<A>, 'email' | 'by'>) =>
      appendAuditEntry(
        {
          actorType: 'user',
          actorId: actor.id,
          action,
          subjectType: 'user',
          subjectId: userId,
          details: { ...details, email: user.email, by: actor.email },
        } as TAuditInput,
        tx,
      );
    if (change.role && change.role !== user.role) {
      await tx.user.update({ where: { id: userId }, data: { role: change.role } });
      const sessionsEnded = await revokeSessions({ userId }, 'role_changed', tx);
      await audit('user.role_changed', { from: user.role, to: change.role, sessionsEnded });
    }
    if (change.disabled !== undefined && change.disabled !== user.disabled) {
      await tx.user.update({ where: { id: userId }, data: { disabled: change.disabled } });
      const sessionsEnded = change.disabled ? await revokeSessions({ userId }, 'disabled', tx) : 0;
      await audit(change.disabled ? 'user.disabled' : 'user.enabled', { sessionsEnded });
    }
    if (change.regions !== undefined && change.regions.join(',') !== user.regions.join(',')) {
      await tx.user.update({ where: { id: userId }, data: { regions: change.regions } });
      await audit('user.regions_changed', { from: user.regions, to: change.regions });
    }
  });
}
