// A signed-in user as route handlers and lib functions receive it, backed by a fresh user row of its own.
import { randomUUID } from 'node:crypto';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { createTestUser } from './archive-test-kit';

export async function createSessionUser(role: 'OFFICER' | 'AUDITOR' | 'REVIEWER' | 'ADMIN'): Promise<TSessionUser> {
  return { ...(await createTestUser(role)), name: role, regions: [], timeZone: 'UTC', sessionId: randomUUID() };
}
