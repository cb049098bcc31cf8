// The signed-in user as the database says NOW. The token only names a server-side session: a session
// that was revoked, idled out or reached its absolute end is refused, and a disabled user loses access
// on the next request whatever their token claims.
import { getServerSession } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/http/uuid-param';

export type TSessionUser = TUserRef & { name: string; regions: string[]; timeZone: string; sessionId: string };

// Writing lastSeenAt on every request would turn each read into a write; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;

export async function loadUserBySession(
  sessionId: string | undefined | null,
  userId: string | undefined | null,
): Promise<TSessionUser | null> {
  // Only ids we issued look like this; anything else is not worth a query.
  if (!isUuid(sessionId) || !isUuid(userId)) return null;
  const session = await db().session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, role: true, name: true, disabled: true, regions: true, timeZone: true } } },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.user.disabled) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() > env().SESSION_IDLE_MINUTES * 60_000) {
    await revokeSessions({ sessionId }, 'idle_timeout');
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, role: user.role, name: user.name, regions: user.regions, timeZone: user.timeZone, sessionId };
}

export function loadUserFromToken(token: JWT | null): Promise<TSessionUser | null> {
  return loadUserBySession(token?.sid, token?.uid);
}

/** For server components and pages (reads the session cookie through next/headers). */
export async function loadSessionUser(): Promise<TSessionUser | null> {
  const session = await getServerSession(authOptions());
  return loadUserBySession(session?.user.sid, session?.user.id);
}
