// Admin unlock: forgets a user's failed sign-ins from every address (and any lock recorded by older
// versions in the database), audited.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export async function unlockUser(userId: string, actor: TUserRef): Promise<{ cleared: number }> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new AppError('not_found', 'User not found');
  const cleared = await signInThrottle.unlockAccount(user.email);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: actor.id,
        action: 'user.unlocked',
        subjectType: 'user',
        subjectId: userId,
        details: { email: user.email, by: actor.email, lockedAddressesCleared: cleared },
      },
      tx,
    );
  });
  return { cleared };
}
