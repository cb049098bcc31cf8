// Console users for end-to-end tests: one per role, unique per run, with a known password.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';

export const E2E_PASSWORD = 'e2e-Correct-Horse-42';

export type TSeedUser = { id: string; email: string; name: string; role: TRole; password: string };
export type TSeedUsers = Record<TRole, TSeedUser>;

let hashed: Promise<string> | undefined;

export async function seedUser(role: TRole, label: string = role.toLowerCase()): Promise<TSeedUser> {
  hashed ??= hashPassword(E2E_PASSWORD);
  const email = `e2e-${label}-${randomUUID().slice(0, 8)}@callvault.test`;
  const name = `E2E ${label}`;
  const user = await db().user.create({ data: { email, name, role, passwordHash: await hashed } });
  return { id: user.id, email, name, role, password: E2E_PASSWORD };
}

export async function seedUsers(): Promise<TSeedUsers> {
  const [OFFICER, REVIEWER, AUDITOR, ADMIN] = await Promise.all(
    (['OFFICER', 'REVIEWER', 'AUDITOR', 'ADMIN'] as const).map((r) => seedUser(r)),
  );
  return { OFFICER: OFFICER!, REVIEWER: REVIEWER!, AUDITOR: AUDITOR!, ADMIN: ADMIN! };
}
