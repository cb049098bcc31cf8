// Builds one queued evidence package (called by the evidence-package worker): the tar streams into an
// Object-Locked object in the region's audit bucket, is read back and hashed, and only then is the row
// completed and the package audited, in one transaction. A failed run leaves the row retryable; the caller
// marks it failed on the last attempt.
import type { S3Client } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { auditBucket } from '@/lib/audit/seal-audit-segment';
import { signingProvider } from '@/lib/audit/signing-provider';
import { EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { storeAuditExport, type TStoredExport } from '@/lib/audit/store-audit-export';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { buildEvidencePackage } from '@/lib/evidence/build-evidence-package';
import { EXPORTS_PREFIX } from '@/lib/storage/lifecycle-rules';
import { hashStoredObject } from '@/lib/storage/hash-stored-object';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

const DAY_MS = 24 * 3600 * 1000;

export const evidencePackageKey = (id: string) => `${EXPORTS_PREFIX}evidence/${id}.tar`;

export async function runEvidencePackage(
  packageId: string,
  s3: S3Client = defaultS3(),
): Promise<{ status: 'completed' | 'skipped'; packageId: string }> {
  const row = await db().evidencePackage.findUnique({
    where: { id: packageId },
    include: {
      requestedBy: { select: { id: true, email: true, role: true } },
      matter: { select: { id: true, reference: true, name: true } },
    },
  });
  if (!row) throw new Error(`evidence package ${packageId} does not exist`);
  if (row.status === EXPORT_STATUS.completed || row.status === EXPORT_STATUS.failed) return { status: 'skipped', packageId };
  await db().evidencePackage.update({
    where: { id: packageId },
    data: { status: EXPORT_STATUS.running, attempts: { increment: 1 }, heartbeatAt: new Date() },
  });
  const target = {
    bucket: auditBucket(),
    exportId: packageId,
    key: evidencePackageKey(packageId),
    contentType: 'application/x-tar',
    retainUntil: new Date(Date.now() + env().AUDIT_EXPORT_RETENTION_DAYS * DAY_MS),
  };
  let stored: TStoredExport | undefined;
  const built = await buildEvidencePackage(
    {
      id: packageId,
      createdBy: row.requestedBy,
      subject: row.matter ? { kind: 'matter', matter: row.matter } : { kind: 'recordings' },
      recordingIds: row.recordingIds,
      masked: row.masked,
    },
    {
      s3,
      signer: signingProvider(),
      write: async (body) => void (stored = await storeAuditExport(s3, target, body)),
      onProgress: async () => void (await db().evidencePackage.update({ where: { id: packageId }, data: { heartbeatAt: new Date() } })),
    },
  );
  if (!stored) throw new Error(`evidence package ${packageId}: the package was not stored`);
  const readBack = await hashStoredObject(s3, stored);
  if (readBack.sha256 !== built.sha256 || readBack.bytes !== built.bytes)
    throw new Error(`evidence package ${packageId}: stored object differs from the package written`);
  const location = { bucket: stored.bucket, objectKey: stored.key, versionId: stored.versionId, retainUntil: stored.retainUntil };
  await db().$transaction(async (tx) => {
    const data = {
      status: EXPORT_STATUS.completed,
      fileCount: built.manifest.files.length + 1,
      manifestSha256: built.manifestHash,
      sha256: built.sha256,
      sizeBytes: BigInt(built.bytes),
      ...location,
      error: null,
      completedAt: new Date(),
    };
    await tx.evidencePackage.update({ where: { id: packageId }, data });
    const details = {
      matterId: row.matterId,
      recordingCount: row.recordingIds.length,
      identifiers: built.manifest.identifiers,
      manifestHash: built.manifestHash,
      fileSha256: built.sha256,
      bytes: built.bytes,
      ...location,
      retainUntil: stored!.retainUntil.toISOString(),
    };
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: row.requestedById,
        action: 'evidence.package_built',
        subjectType: 'evidence_package',
        subjectId: packageId,
        details,
      },
      tx,
    );
  });
  return { status: 'completed', packageId };
}
