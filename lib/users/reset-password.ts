// Admin password reset: a new password that meets the policy, every session of the user ended, audited
// (the password never is).
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { checkPasswordPolicy } from '@/lib/auth/check-password-policy';
import { hashPassword } from '@/lib/auth/password';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export async function resetPassword(userId: string, password: string, actor: TUserRef): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new AppError('not_found', 'User not found');
  const problem = checkPasswordPolicy(password, { email: user.email });
  if (problem) throw new AppError('unprocessable', problem, [{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, failedLoginCount: 0, lockedUntil: null } });
    const sessionsEnded = await revokeSessions({ userId }, 'password_reset', tx);
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: actor.id,
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: userId,
        details: { email: user.email, by: actor.email, sessionsEnded },
      },
      tx,
    );
  });
}
