// Ends sessions on the server, so a copied or still-open cookie stops working at once: one session at
// sign-out, all of a user's on disable, role change, password reset and an admin's "sign out everywhere".
import { db, type DbTx } from '@/lib/db';

export type TRevokeReason = 'sign_out' | 'idle_timeout' | 'disabled' | 'role_changed' | 'password_reset' | 'signed_out_everywhere';

export async function revokeSessions(where: { userId: string } | { sessionId: string }, reason: TRevokeReason, tx?: DbTx): Promise<number> {
  const filter = 'userId' in where ? { userId: where.userId } : { id: where.sessionId };
  const { count } = await (tx ?? db()).session.updateMany({
    where: { ...filter, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}
