// Creates a local console user with an initial password (audited; the password never is).
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { checkPasswordPolicy } from '@/lib/auth/check-password-policy';
import { hashPassword } from '@/lib/auth/password';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { assertKnownRegions } from '@/lib/users/assert-known-regions';
import type { TCreateUser } from '@/lib/users/user-schemas';

export async function createUser(input: Omit<TCreateUser, 'regions'> & { regions?: string[] }, actor: TUserRef): Promise<{ id: string }> {
  const problem = checkPasswordPolicy(input.password, { email: input.email });
  if (problem) throw new AppError('unprocessable', problem, [{ path: 'password', message: problem }]);
  const regions = input.regions ?? [];
  assertKnownRegions(regions);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, regions, passwordHash },
        select: { id: true },
      });
      await appendAuditEntry(
        {
          actorType: 'user',
          actorId: actor.id,
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          details: { email: input.email, role: input.role, regions, by: actor.email },
        },
        tx,
      );
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new AppError('conflict', 'A user with this email already exists');
    throw error;
  }
}
