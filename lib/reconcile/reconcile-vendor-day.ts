// Reconciles one vendor account's day: the vendor's listing against the archive. Recordings that never
// arrived are re-driven through the normal enqueue path (IngestEvent, audit, archive job), everything found
// goes into a signed report stored Object-Locked in the audit bucket, and the ReconciliationReport row and
// its `reconciliation.reported` audit entry commit together.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { auditKeyProvider, type TAuditKeyProvider } from '@/lib/audit/key-provider';
import { db } from '@/lib/db';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { Prisma } from '@/lib/generated/prisma/client';
import { JOBS } from '@/lib/queue/contracts';
import { compareWithArchive } from '@/lib/reconcile/compare-with-archive';
import { listVendorDay } from '@/lib/reconcile/list-vendor-day';
import { storeReconciliationReport } from '@/lib/reconcile/store-reconciliation-report';
import type { TFinding, TReconciliationDocument } from '@/lib/reconcile/types';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';
import { vendorAccount } from '@/lib/vendors/accounts';
import type { TListedRecording, TVendorAccount } from '@/lib/vendors/types';

export type TReconcileOptions = { s3?: S3Client; provider?: TAuditKeyProvider };

async function redrive(account: TVendorAccount, r: TListedRecording): Promise<TFinding> {
  const result = await enqueueArchiveJob(
    {
      vendorSource: account.vendorSource,
      vendorAccountId: account.id,
      vendorRecordingId: r.vendorRecordingId,
      interactionId: r.interactionId,
      interactionDate: r.interactionDate,
      source: 'POLL',
    },
    { eventType: 'reconcile.missing', actor: { type: 'worker', id: JOBS.reconcile }, auditDetails: { reconciliation: true } },
  );
  // A duplicate here means a job for it was already accepted in Redis without a Postgres delivery record.
  const detail = result.duplicate ? 'never delivered; an archive job was already queued' : 'never delivered; archive job queued';
  return {
    kind: 'missing',
    vendorRecordingId: r.vendorRecordingId,
    interactionId: r.interactionId,
    archiveStatus: null,
    detail,
    redriven: !result.duplicate,
  };
}

export async function reconcileVendorDay(
  vendorAccountId: string,
  day: string,
  opts: TReconcileOptions = {},
): Promise<TReconciliationDocument> {
  const account = vendorAccount(vendorAccountId);
  const s3 = opts.s3 ?? defaultS3();
  const startedAt = new Date();
  const listed = await listVendorDay(account, day);
  const comparison = await compareWithArchive(s3, account, day, listed);
  const redriven: TFinding[] = [];
  for (const r of comparison.missing) redriven.push(await redrive(account, r));
  const doc: TReconciliationDocument = {
    format: 'callvault-reconciliation/1',
    id: randomUUID(),
    vendorAccountId: account.id,
    vendorSource: account.vendorSource,
    residencyRegion: account.residencyRegion,
    day,
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
    counts: { ...comparison.counts, redriven: redriven.filter((f) => f.redriven).length },
    findings: [...redriven, ...comparison.findings],
  };
  const stored = await storeReconciliationReport(s3, opts.provider ?? auditKeyProvider(), doc);
  await recordReport(doc, stored);
  return doc;
}

async function recordReport(doc: TReconciliationDocument, stored: Awaited<ReturnType<typeof storeReconciliationReport>>): Promise<void> {
  const c = doc.counts;
  await db().$transaction(
    async (tx) => {
      await tx.reconciliationReport.create({
        data: {
          id: doc.id,
          vendorAccountId: doc.vendorAccountId,
          vendorSource: doc.vendorSource,
          day: doc.day,
          listedCount: c.listed,
          matchedCount: c.matched,
          quarantinedCount: c.quarantined,
          missingCount: c.missing,
          redrivenCount: c.redriven,
          pendingCount: c.pending,
          extraCount: c.extra,
          mismatchCount: c.mismatched,
          findings: doc.findings as unknown as Prisma.InputJsonValue,
          ...stored,
          startedAt: new Date(doc.startedAt),
          completedAt: new Date(doc.completedAt),
        },
      });
      await appendAuditEntry(
        {
          actorType: 'worker',
          actorId: JOBS.reconcile,
          action: 'reconciliation.reported',
          subjectType: 'reconciliation',
          subjectId: doc.id,
          details: { vendorAccountId: doc.vendorAccountId, day: doc.day, counts: c, ...stored },
        },
        tx,
      );
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
