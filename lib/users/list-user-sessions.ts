// A user's sessions for the admin page: where and when they signed in, last activity, and how each ended.
import { db } from '@/lib/db';

export type TSessionView = {
  id: string;
  method: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  active: boolean;
};

export async function listUserSessions(userId: string): Promise<TSessionView[]> {
  const rows = await db().session.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 50 });
  const now = new Date();
  return rows.map((s) => ({
    id: s.id,
    method: s.method,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    revokedAt: s.revokedAt?.toISOString() ?? null,
    revokedReason: s.revokedReason,
    active: s.revokedAt === null && s.expiresAt > now,
  }));
}
