// The quarantine case of a pipeline result (inside the commit). A normal run opens a case when the result is
// quarantined. A re-fetch also settles the case that asked for it:
//   passes            → the case is RESOLVED, re-fetch SUCCEEDED (the new version is the record; the old one
//                        stays in storage);
//   fails, same reason → the SAME case becomes REFETCH_FAILED (decidable again) with the reason in words, new
//                        evidence first, the previous evidence kept — visibly failed, not a fresh OPEN case;
//   fails, new reason  → the old case is RESOLVED (its defect is gone) and a new case is opened.
// A case id that does not belong to this recording is ignored here and a fresh case opened if needed.
import type { TAuditDetails, TAuditInput } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { DbTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { openQuarantineCase, type TQuarantine } from '@/lib/quarantine/open-quarantine-case';
import { summarizeQuarantineCase } from '@/lib/quarantine/summarize-quarantine-case';

export type TSettledCase = { caseId: string | null; transition: 'resolved' | 'refetch_failed' | 'superseded' | 'opened' | 'none' };

async function audit<A extends 'quarantine.resolved' | 'quarantine.refetch_failed'>(
  tx: DbTx,
  caseId: string,
  action: A,
  details: TAuditDetails<A>,
) {
  await appendAuditEntry(
    {
      actorType: 'worker',
      actorId: 'archive-recording',
      action,
      subjectType: 'quarantine_case',
      subjectId: caseId,
      details,
    } as TAuditInput,
    tx,
  );
}

export async function settleQuarantineCase(
  tx: DbTx,
  caseId: string | undefined,
  recordingId: string,
  quarantine: TQuarantine | null,
): Promise<TSettledCase> {
  const previous = caseId ? await tx.quarantineCase.findUnique({ where: { id: caseId } }) : null;
  const ours = previous && previous.recordingId === recordingId && previous.state !== 'RESOLVED' ? previous : null;
  const now = new Date();
  if (!ours) {
    return quarantine
      ? { caseId: await openQuarantineCase(tx, recordingId, quarantine), transition: 'opened' }
      : { caseId: null, transition: 'none' };
  }
  if (!quarantine) {
    await tx.quarantineCase.update({
      where: { id: ours.id },
      data: {
        state: 'RESOLVED',
        resolvedAt: now,
        resolutionNote: 'Re-fetch passed verification',
        refetchStatus: 'SUCCEEDED',
        refetchError: null,
        refetchAt: now,
      },
    });
    await audit(tx, ours.id, 'quarantine.resolved', { decision: 'refetch_passed', recordingId, reason: ours.reason });
    return { caseId: null, transition: 'resolved' };
  }
  if (quarantine.reason === ours.reason) {
    const evidence = { ...quarantine.evidence, previousEvidence: ours.evidence } as Prisma.InputJsonValue;
    const refetchError =
      `Still ${ours.reason.toLowerCase().replaceAll('_', ' ')}: ${summarizeQuarantineCase(quarantine.reason, quarantine.evidence).headline}`.slice(
        0,
        1000,
      );
    await tx.quarantineCase.update({
      where: { id: ours.id },
      data: { state: 'REFETCH_FAILED', evidence, refetchStatus: 'FAILED', refetchError, refetchAt: now },
    });
    await audit(tx, ours.id, 'quarantine.refetch_failed', {
      recordingId,
      reason: ours.reason,
      cause: 're-fetch failed the same check',
      refetchError,
    });
    return { caseId: ours.id, transition: 'refetch_failed' };
  }
  const newCaseId = await openQuarantineCase(tx, recordingId, quarantine);
  const note = `Re-fetch cleared ${ours.reason}; new case ${newCaseId} opened for ${quarantine.reason}`;
  // Its own defect is gone, so the re-fetch did what it was asked; the new defect is the new case's.
  await tx.quarantineCase.update({
    where: { id: ours.id },
    data: { state: 'RESOLVED', resolvedAt: now, resolutionNote: note, refetchStatus: 'SUCCEEDED', refetchError: null, refetchAt: now },
  });
  await audit(tx, ours.id, 'quarantine.resolved', { decision: 'refetch_superseded', recordingId, reason: ours.reason, newCaseId });
  return { caseId: newCaseId, transition: 'superseded' };
}
