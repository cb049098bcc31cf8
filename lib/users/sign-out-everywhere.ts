// Admin "sign out everywhere": ends every session of a user (a lost laptop, a suspected compromise), audited.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export async function signOutEverywhere(userId: string, actor: TUserRef): Promise<{ sessionsEnded: number }> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError('not_found', 'User not found');
  return db().$transaction(async (tx) => {
    const sessionsEnded = await revokeSessions({ userId }, 'signed_out_everywhere', tx);
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: actor.id,
        action: 'user.signed_out_everywhere',
        subjectType: 'user',
        subjectId: userId,
        details: { email: user.email, by: actor.email, sessionsEnded },
      },
      tx,
    );
    return { sessionsEnded };
  });
}
