// Opens a legal matter (eDiscovery case) that recordings can then be held under; audited.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export const ZCreateMatter = z.object({
  reference: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
});

export async function createMatter(
  input: z.output<typeof ZCreateMatter>,
  user: TUserRef,
): Promise<{ id: string; reference: string; name: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const matter = await tx.matter.create({
        data: { ...input, createdById: user.id },
        select: { id: true, reference: true, name: true },
      });
      await appendAuditEntry(
        {
          actorType: 'user',
          actorId: user.id,
          action: 'matter.created',
          subjectType: 'matter',
          subjectId: matter.id,
          details: { ...input, by: user.email },
        },
        tx,
      );
      return matter;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('conflict', `A matter with reference ${input.reference} already exists`);
    throw error;
  }
}
