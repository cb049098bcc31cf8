// Console users for the admin page (never hashes or subjects, only whether SSO is linked).
import { db } from '@/lib/db';
import type { TUserView } from '@/lib/users/user-schemas';

export async function listUsers(): Promise<TUserView[]> {
  const users = await db().user.findMany({
    orderBy: [{ disabled: 'asc' }, { email: 'asc' }],
    include: { _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    sso: u.oidcSubject !== null,
    regions: u.regions,
    activeSessions: u._count.sessions,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}
