// One decision and one note for several selected cases (bulk accept / bulk re-fetch). Each case is decided
// in its own transaction with its own audit entries, exactly as if decided alone; a case someone else decided
// meanwhile (or one in a state that cannot take the decision) is reported back and the others go through.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/app-error';
import { resolveQuarantineCase, ZResolveQuarantineCase, type TDecider } from '@/lib/quarantine/resolve-quarantine-case';

export const MAX_BULK_CASES = 100;

export const ZResolveQuarantineCases = z
  .object({
    caseIds: z
      .array(z.uuid())
      .min(1, 'select at least one case')
      .max(MAX_BULK_CASES, `at most ${MAX_BULK_CASES} cases at once`)
      .refine((ids) => new Set(ids).size === ids.length, 'a case is listed twice'),
    decision: z.enum(['accept', 'refetch']),
    note: ZResolveQuarantineCase.shape.note,
  })
  .strict();

export type TBulkResult = { caseId: string; ok: true } | { caseId: string; ok: false; code: string; message: string };

export async function resolveQuarantineCases(input: z.input<typeof ZResolveQuarantineCases> & { user: TDecider }) {
  const { caseIds, decision, note } = ZResolveQuarantineCases.parse({ caseIds: input.caseIds, decision: input.decision, note: input.note });
  if (!can(input.user.role, 'quarantine.decide')) throw new AppError('forbidden', 'Only reviewers and admins decide quarantine cases');
  const batch = { id: randomUUID(), size: caseIds.length };
  const results: TBulkResult[] = [];
  // One after the other: each re-fetch enqueues a job and each decision appends to the audit chain.
  for (const caseId of caseIds) {
    try {
      await resolveQuarantineCase({ caseId, decision, note, user: input.user, batch });
      results.push({ caseId, ok: true });
    } catch (e) {
      // A refused case (decided meanwhile, unknown, queue unavailable) rolled back alone; the rest stand.
      if (!(e instanceof AppError)) throw e;
      results.push({ caseId, ok: false, code: e.code, message: e.message });
    }
  }
  return { batchId: batch.id, decided: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
}
