// The matter a legal-hold action names: by id, or by its reference — a hold placed with a new case
// reference opens that matter (audited), so every hold belongs to exactly one matter.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export type TMatterRef = { matterId?: string; caseReference?: string };

/** A hold action's body: the matter (by id, or by reference) and a reason. */
export function holdActionSchema(missingMatter: string) {
  return z
    .object({
      matterId: z.string().uuid().optional(),
      caseReference: z.string().trim().min(1).max(200).optional(),
      reason: z.string().trim().min(3).max(2000),
    })
    .refine((v) => v.matterId !== undefined || v.caseReference !== undefined, { message: missingMatter, path: ['caseReference'] });
}
export type TMatter = { id: string; reference: string; name: string };

export async function resolveMatter(ref: TMatterRef, user: TUserRef, opts: { create: boolean }): Promise<TMatter> {
  const select = { id: true, reference: true, name: true } as const;
  if (ref.matterId) {
    const matter = await db().matter.findUnique({ where: { id: ref.matterId }, select });
    if (!matter) throw new AppError('not_found', 'Matter not found');
    return matter;
  }
  const reference = ref.caseReference?.trim();
  if (!reference)
    throw new AppError('unprocessable', 'Name the matter (matterId or caseReference)', [{ path: 'caseReference', message: 'Required' }]);
  const existing = await db().matter.findUnique({ where: { reference }, select });
  if (existing) return existing;
  if (!opts.create) throw new AppError('not_found', `No matter ${reference}`);
  return db().$transaction(async (tx) => {
    const matter = await tx.matter.upsert({
      where: { reference },
      update: {},
      create: { reference, name: reference, createdById: user.id },
      select,
    });
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: user.id,
        action: 'matter.created',
        subjectType: 'matter',
        subjectId: matter.id,
        details: { reference, name: matter.name, by: user.email },
      },
      tx,
    );
    return matter;
  });
}
