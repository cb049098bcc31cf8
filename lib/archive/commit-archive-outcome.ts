// Step 7: the Recording row (ARCHIVED or QUARANTINED), its participants, the raw payload link, the
// quarantine case, the attempt outcome and the audit entries — one transaction, all or nothing.
// The unique (vendorSource, vendorRecordingId) decides concurrent duplicates: the loser records DUPLICATE.
import { randomUUID } from 'node:crypto';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import { recordExtraVersion } from '@/lib/archive/record-extra-version';
import { archiveIdFor, recordingColumns, searchTextFor, storageLocation, type TStoredMedia } from '@/lib/archive/recording-fields';
import type { TArchiveOutcome } from '@/lib/archive/types';
import { db, type DbTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { QUARANTINE_TAG, type TQuarantine } from '@/lib/quarantine/open-quarantine-case';
import { settleQuarantineCase } from '@/lib/quarantine/settle-quarantine-case';
import type { TArchiveJob } from '@/lib/queue/contracts';
import type { TCanonicalRecording, TVendorAccount } from '@/lib/vendors/types';

export type TCommitInput = {
  job: TArchiveJob;
  key: string;
  attemptId: string;
  account: TVendorAccount;
  record: Partial<TCanonicalRecording>;
  region: string | null;
  rawPayloadId: string;
  media: TStoredMedia | null;
  measuredDurationSeconds: number | null;
  quarantine: TQuarantine | null;
};

export type TCommitResult = TArchiveOutcome & { archiveId: string | null; caseId: string | null; legalHold: boolean };

/** Another worker settled this recording while we were transferring. */
class LostRace extends Error {}

const SETTLED = new Set(['ARCHIVED', 'QUARANTINED']);

async function ensureVendorAccount(tx: DbTx, a: TVendorAccount) {
  await tx.vendorAccount.upsert({
    where: { id: a.id },
    create: {
      id: a.id,
      vendorSource: a.vendorSource,
      name: a.name,
      instance: a.instance,
      residencyRegion: a.residencyRegion,
      apiBaseUrl: a.apiBaseUrl,
    },
    update: {},
  });
}

async function writeRecording(tx: DbTx, input: TCommitInput) {
  const { job, record, quarantine } = input;
  const where = { vendorSource_vendorRecordingId: { vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId } };
  const existing = await tx.recording.findUnique({ where, select: { id: true, archiveId: true, status: true, legalHold: true } });
  if (existing && SETTLED.has(existing.status) && job.source !== 'REFETCH') throw new LostRace();
  const now = new Date();
  const id = existing?.id ?? randomUUID();
  const archiveId = existing?.archiveId ?? archiveIdFor(id, now);
  const participants = record.participants ?? [];
  const tags = [...new Set([...(record.complianceTags ?? []), ...(quarantine ? [QUARANTINE_TAG[quarantine.reason]] : [])])];
  const status = quarantine ? ('QUARANTINED' as const) : ('ARCHIVED' as const);
  const data = {
    ...recordingColumns(record, input.region, input.media, input.measuredDurationSeconds),
    interactionId: record.interactionId ?? job.interactionId,
    vendorAccountId: input.account.id,
    complianceTags: tags,
    status,
    statusReason: null,
    archivedAt: status === 'ARCHIVED' ? now : null,
    searchText: searchTextFor({
      archiveId,
      vendorRecordingId: job.vendorRecordingId,
      interactionId: record.interactionId ?? job.interactionId,
      participants,
    }),
  };
  if (existing) {
    await tx.recording.update({ where: { id }, data });
    await tx.participant.deleteMany({ where: { recordingId: id } });
  } else {
    await tx.recording.create({
      data: { ...data, id, archiveId, vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId },
    });
  }
  if (participants.length > 0) {
    await tx.participant.createMany({
      data: participants.map((p, position) => ({
        recordingId: id,
        position,
        role: p.role,
        identifier: p.identifier,
        displayName: p.displayName,
      })),
    });
  }
  return { id, archiveId, status, legalHold: existing?.legalHold ?? false };
}

async function commitWithin(tx: DbTx, input: TCommitInput): Promise<TCommitResult> {
  await ensureVendorAccount(tx, input.account);
  const rec = await writeRecording(tx, input);
  await tx.rawVendorPayload.update({ where: { id: input.rawPayloadId }, data: { recordingId: rec.id } });
  const settled = await settleQuarantineCase(tx, input.job.quarantineCaseId, rec.id, input.quarantine);
  await tx.ingestAttempt.update({
    where: { id: input.attemptId },
    data: { recordingId: rec.id, outcome: input.quarantine ? 'QUARANTINED' : 'SUCCEEDED', finishedAt: new Date() },
  });
  const common = { recordingId: rec.id, archiveId: rec.archiveId };
  if (input.quarantine) {
    await auditArchiveEvent(
      input.key,
      'archive.quarantined',
      {
        ...common,
        reason: input.quarantine.reason,
        caseId: settled.caseId,
        caseTransition: settled.transition,
        evidence: input.quarantine.evidence,
      },
      tx,
    );
  }
  const media = input.media;
  await auditArchiveEvent(
    input.key,
    'archive.completed',
    {
      ...common,
      status: rec.status,
      source: input.job.source,
      storageLocation: media ? storageLocation(media.bucket, media.key) : null,
      storageVersionId: media?.versionId ?? null,
      checksumSha256: media?.sha256 ?? null,
      refetchCase: input.job.quarantineCaseId ? { id: input.job.quarantineCaseId, transition: settled.transition } : null,
    },
    tx,
  );
  return { status: rec.status, recordingId: rec.id, archiveId: rec.archiveId, caseId: settled.caseId, legalHold: rec.legalHold };
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

export async function commitArchiveOutcome(input: TCommitInput): Promise<TCommitResult> {
  try {
    return await db().$transaction((tx) => commitWithin(tx, input), { timeout: 30_000 });
  } catch (e) {
    if (!(e instanceof LostRace) && !isUniqueViolation(e)) throw e;
  }
  // We lost to a concurrent worker: our stored version (if any) stays in storage (WORM), reported as extra
  // unless it is the very version the winner committed (a reused version).
  await db().$transaction(async (tx) => {
    await tx.ingestAttempt.update({ where: { id: input.attemptId }, data: { outcome: 'DUPLICATE', finishedAt: new Date() } });
    await auditArchiveEvent(input.key, 'ingest.duplicate', { reason: 'lost_race', strayVersionId: input.media?.versionId ?? null }, tx);
    const media = input.media;
    if (!media) return;
    const winner = await tx.recording.findUnique({
      where: { vendorSource_vendorRecordingId: { vendorSource: input.job.vendorSource, vendorRecordingId: input.job.vendorRecordingId } },
      select: { storageVersionId: true },
    });
    if (winner?.storageVersionId === media.versionId) return;
    const v = { bucket: media.bucket, objectKey: media.key, versionId: media.versionId, sha256: media.sha256, sizeBytes: media.sizeBytes };
    await recordExtraVersion(
      {
        key: input.key,
        vendorSource: input.job.vendorSource,
        vendorRecordingId: input.job.vendorRecordingId,
        ...v,
        reason: 'lost_race',
        attemptId: input.attemptId,
      },
      tx,
    );
  });
  return { status: 'DUPLICATE', recordingId: null, archiveId: null, caseId: null, legalHold: false };
}
