// Sign-out ends the server-side session the cookie names (a copied cookie dies with it) and is audited
// with the client's address and user agent.
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import { env } from '@/lib/env';
import { clientInfo } from '@/lib/telemetry/request-context';

export async function signOutSession(req: NextRequest): Promise<void> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.sid || !token.uid) return;
  const revoked = await revokeSessions({ sessionId: token.sid }, 'sign_out');
  if (revoked === 0) return;
  await appendAuditEntry({
    actorType: 'user',
    actorId: token.uid,
    action: 'auth.sign_out',
    subjectType: 'user',
    subjectId: token.uid,
    details: { sessionId: token.sid, ...clientInfo() },
  });
}
