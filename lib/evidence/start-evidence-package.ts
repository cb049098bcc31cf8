// Starts an evidence package for a recording, a selection or a matter: checks the recordings exist and lie
// in the requester's regions, records the EvidencePackage row (queued) with an audit entry, and queues the
// job that builds it (run-evidence-package.ts). Answered only once the job is in Redis; if Redis refuses,
// the row is marked failed and the caller gets a 503.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { auditExportJobOptions, EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { logger } from '@/lib/logger';
import { JOBS } from '@/lib/queue/contracts';
import { evidencePackageQueue } from '@/lib/queue/queues';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';

/** The audit scope of a package names its recordings: at most this many. */
export const MAX_PACKAGE_RECORDINGS = 1000;

export const ZStartEvidencePackage = z.union([
  z.object({ matterId: z.uuid() }).strict(),
  z.object({ recordingIds: z.array(z.uuid()).min(1).max(MAX_PACKAGE_RECORDINGS) }).strict(),
]);

async function recordingsOf(input: z.output<typeof ZStartEvidencePackage>): Promise<{ matterId: string | null; ids: string[] }> {
  if ('matterId' in input) {
    const matter = await findMatter(input.matterId);
    const rows = await db().matterRecording.findMany({
      where: { matterId: matter.id },
      select: { recordingId: true },
      orderBy: { addedAt: 'asc' },
      take: MAX_PACKAGE_RECORDINGS + 1,
    });
    if (rows.length === 0) throw new AppError('unprocessable', 'The matter has no recordings to package');
    if (rows.length > MAX_PACKAGE_RECORDINGS)
      throw new AppError(
        'unprocessable',
        `A package holds at most ${MAX_PACKAGE_RECORDINGS} recordings; package selections of the matter instead`,
      );
    return { matterId: matter.id, ids: rows.map((r) => r.recordingId) };
  }
  return { matterId: null, ids: [...new Set(input.recordingIds)] };
}

export async function startEvidencePackage(input: z.output<typeof ZStartEvidencePackage>, user: TSessionUser): Promise<{ id: string }> {
  const { matterId, ids } = await recordingsOf(input);
  const rows = await db().recording.findMany({ where: { id: { in: ids } }, select: { id: true, dataResidencyRegion: true } });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('not_found', `Recording not found: ${missing.join(', ')}`, { recordingIds: missing });
  for (const r of rows) assertRegionAccess(user.regions, r.dataResidencyRegion);
  const masked = !can(user.role, 'identifiers.unmasked');
  const row = await db().$transaction(async (tx) => {
    const created = await tx.evidencePackage.create({
      data: { requestedById: user.id, matterId, recordingIds: ids, masked, status: EXPORT_STATUS.queued },
      select: { id: true },
    });
    const details = {
      matterId,
      recordingCount: ids.length,
      recordingIds: ids,
      identifiers: masked ? ('masked' as const) : ('clear' as const),
      userEmail: user.email,
      role: user.role,
    };
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: user.id,
        action: 'evidence.package_requested',
        subjectType: 'evidence_package',
        subjectId: created.id,
        details,
      },
      tx,
    );
    return created;
  });
  try {
    await evidencePackageQueue().add(JOBS.evidencePackage, { packageId: row.id }, auditExportJobOptions(row.id));
  } catch (error) {
    logger.error({ err: error, packageId: row.id }, 'could not queue the evidence package');
    await db().evidencePackage.update({
      where: { id: row.id },
      data: { status: EXPORT_STATUS.failed, error: 'Could not queue the package (job queue unavailable); start it again' },
    });
    throw new AppError('unavailable', 'The job queue is unavailable; the package was not started');
  }
  return { id: row.id };
}
