// Changes a user's role and/or disables/enables them (each change audited). Refuses self-changes and
// leaving the console without an enabled administrator, which nobody could undo from the UI.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db, type DbTx } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import type { TUpdateUser } from '@/lib/users/user-schemas';
import { isUuid } from '@/lib/http/uuid-param';

async function assertAdminRemains(tx: DbTx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError('conflict', 'This is the last enabled administrator');
}

export async function updateUser(userId: string, change: TUpdateUser, actor: TUserRef): Promise<void> {
  if (!isUuid(userId)) throw new AppError('not_found', 'User not found');
  // Another administrator makes such a change; nobody locks themselves out by a misclick.
  if (userId === actor.id && (change.role !== undefined || change.disabled === true)) {
    throw new AppError('conflict', 'You cannot change your own role or disable yourself');
  }
  await db().$transaction(async (tx) => {
    // Row lock: two admins demoting each other at once must not both succeed.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError('not_found', 'User not found');
    const losesAdmin = user.role === 'ADMIN' && !user.disabled && ((change.role && change.role !== 'ADMIN') || change.disabled === true);
    if (losesAdmin) await assertAdminRemains(tx, userId);
    const audit = (action: string, details: Record<string, unknown>) =>
      appendAuditEntry({ actorType: 'user', actorId: actor.id, action, subjectType: 'user', subjectId: userId, details: { ...details, email: user.email, by: actor.email } }, tx);
    if (change.role && change.role !== user.role) {
      await tx.user.update({ where: { id: userId }, data: { role: change.role } });
      await audit('user.role_changed', { from: user.role, to: change.role });
    }
    if (change.disabled !== undefined && change.disabled !== user.disabled) {
      await tx.user.update({ where: { id: userId }, data: { disabled: change.disabled } });
      await audit(change.disabled ? 'user.disabled' : 'user.enabled', {});
    }
  });
}
