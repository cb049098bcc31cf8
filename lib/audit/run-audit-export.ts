// Builds one queued export (called by the audit-export worker): the bundle streams from the database into
// an Object-Locked object in the audit bucket, is read back and hashed, and only then is the row completed
// and the export audited, in one transaction. A run that fails leaves the row retryable; the caller marks
// it failed on the last attempt (failAuditExport).
import type { S3Client } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import { ZAuditScope } from '@/lib/audit/scope';
import { auditBucket } from '@/lib/audit/seal-audit-segment';
import { EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { storeAuditExport, type TStoredExport } from '@/lib/audit/store-audit-export';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { hashStoredObject } from '@/lib/storage/hash-stored-object';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

const DAY_MS = 24 * 3600 * 1000;

export type TRunOutcome = { status: 'completed' | 'skipped'; exportId: string; entryCount?: number };

export async function runAuditExport(exportId: string, s3: S3Client = defaultS3()): Promise<TRunOutcome> {
  const row = await db().auditExport.findUnique({
    where: { id: exportId },
    include: { requestedBy: { select: { id: true, email: true, role: true } } },
  });
  if (!row) throw new Error(`audit export ${exportId} does not exist`);
  // Settled exports are never rebuilt: a duplicate or late job must not replace what was handed out.
  if (row.status === EXPORT_STATUS.completed || row.status === EXPORT_STATUS.failed) return { status: 'skipped', exportId };
  await db().auditExport.update({
    where: { id: exportId },
    data: { status: EXPORT_STATUS.running, attempts: { increment: 1 }, heartbeatAt: new Date(), entryCount: 0 },
  });
  const scope = ZAuditScope.parse(row.scope);
  const user = row.requestedBy;
  const target = { bucket: auditBucket(), exportId, retainUntil: new Date(Date.now() + env().AUDIT_EXPORT_RETENTION_DAYS * DAY_MS) };
  let stored: TStoredExport | undefined;
  const result = await exportAuditBundle({
    exportId,
    scope,
    resolved: await resolveAuditScope(scope),
    createdBy: { id: user.id, email: user.email, role: user.role },
    s3,
    write: async (body) => void (stored = await storeAuditExport(s3, target, body)),
    onProgress: async (entryCount) =>
      void (await db().auditExport.update({ where: { id: exportId }, data: { entryCount, heartbeatAt: new Date() } })),
  });
  if (!stored) throw new Error(`audit export ${exportId}: the bundle was not stored`);
  const readBack = await hashStoredObject(s3, stored);
  if (readBack.sha256 !== result.sha256 || readBack.bytes !== result.bytes) {
    throw new Error(
      `audit export ${exportId}: stored object (${readBack.bytes} bytes, ${readBack.sha256}) differs from the bundle written (${result.bytes} bytes, ${result.sha256})`,
    );
  }
  const m = result.manifest;
  const location = { bucket: stored.bucket, objectKey: stored.key, versionId: stored.versionId, retainUntil: stored.retainUntil };
  await db().$transaction(async (tx) => {
    await tx.auditExport.update({
      where: { id: exportId },
      data: {
        status: EXPORT_STATUS.completed,
        entryCount: m.entryCount,
        firstSequence: m.firstSequence === null ? null : BigInt(m.firstSequence),
        lastSequence: m.lastSequence === null ? null : BigInt(m.lastSequence),
        manifestSha256: result.manifestHash,
        sha256: result.sha256,
        sizeBytes: BigInt(result.bytes),
        ...location,
        error: null,
        completedAt: new Date(),
      },
    });
    const details = {
      scope,
      entryCount: m.entryCount,
      firstSequence: m.firstSequence,
      lastSequence: m.lastSequence,
      manifestHash: result.manifestHash,
      fileSha256: result.sha256,
      bytes: result.bytes,
      ...location,
      retainUntil: stored!.retainUntil.toISOString(),
    };
    await appendAuditEntry(
      { actorType: 'user', actorId: user.id, action: 'audit.exported', subjectType: 'export', subjectId: exportId, details },
      tx,
    );
  });
  return { status: 'completed', exportId, entryCount: m.entryCount };
}
