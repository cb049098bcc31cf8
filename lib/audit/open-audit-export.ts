// Opens a finished export's bundle for download, streamed from its Object-Locked version in the audit
// bucket, so any console instance can serve it. A download by a user is itself audited (who took a copy
// of the trail, when, and which manifest), before the first byte leaves.
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { AppError } from '@/lib/http/app-error';
import { db } from '@/lib/db';
import { isMissingObject } from '@/lib/storage/is-missing-object';
import { s3 } from '@/lib/storage/s3-client';

export async function openAuditExport(id: string, user?: TUserRef): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = await db().auditExport.findUnique({
    where: { id },
    select: { status: true, bucket: true, objectKey: true, versionId: true, sizeBytes: true, manifestSha256: true, retainUntil: true },
  });
  if (!row) throw new AppError('not_found', 'Audit export not found');
  if (row.status !== 'completed' || !row.bucket || !row.objectKey || !row.versionId)
    throw new AppError('conflict', `Audit export is not ready (status: ${row.status})`);
  const object = await s3()
    .send(new GetObjectCommand({ Bucket: row.bucket, Key: row.objectKey, VersionId: row.versionId }))
    .catch((error: unknown) => {
      if (isMissingObject(error))
        throw new AppError(
          'not_found',
          `Audit export file is no longer kept (retained until ${row.retainUntil?.toISOString() ?? 'unknown'}); start a new export`,
        );
      throw error;
    });
  const stream = object.Body as Readable;
  const size = Number(object.ContentLength ?? row.sizeBytes ?? 0);
  if (user) {
    const details = { size, manifestSha256: row.manifestSha256, role: user.role, versionId: row.versionId };
    try {
      await appendAuditEntry({
        actorType: 'user',
        actorId: user.id,
        action: 'audit.export_downloaded',
        subjectType: 'export',
        subjectId: id,
        details,
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
  }
  return { stream, filename: `callvault-audit-${id}.jsonl`, size };
}
