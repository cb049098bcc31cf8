// The signed-in user as the database says NOW: a disabled or demoted user loses access on the
// next request, whatever their (still valid) session token claims.
import { getServerSession } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { isUuid } from '@/lib/http/uuid-param';

export type TSessionUser = TUserRef & { name: string };

export async function loadUserById(id: string | undefined | null): Promise<TSessionUser | null> {
  // Only ids we issued look like this; anything else is not worth a query.
  if (!isUuid(id)) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, role: true, name: true, disabled: true } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}

export function loadUserFromToken(token: JWT | null): Promise<TSessionUser | null> {
  return loadUserById(token?.uid);
}

/** For server components and pages (reads the session cookie through next/headers). */
export async function loadSessionUser(): Promise<TSessionUser | null> {
  const session = await getServerSession(authOptions());
  return loadUserById(session?.user.id);
}
