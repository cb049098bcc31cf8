// Opens a server-side session at sign-in; the session token (next-auth JWT) carries only its id.
import type { DbTx } from '@/lib/db';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { clientInfo } from '@/lib/telemetry/request-context';

export async function startSession(userId: string, method: 'credentials' | 'oidc', tx?: DbTx): Promise<{ id: string; expiresAt: Date }> {
  const { ip, userAgent } = clientInfo();
  const expiresAt = new Date(Date.now() + env().SESSION_ABSOLUTE_HOURS * 3_600_000);
  return (tx ?? db()).session.create({ data: { userId, method, ip, userAgent, expiresAt }, select: { id: true, expiresAt: true } });
}
