// Opens a finished package for download, streamed from its Object-Locked version in the audit bucket (any
// console instance serves it). The download is audited before the first byte leaves.
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { isMissingObject } from '@/lib/storage/is-missing-object';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { isUuid } from '@/lib/http/uuid-param';
import { s3 } from '@/lib/storage/s3-client';

export async function openEvidencePackage(id: string, user: TSessionUser): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = isUuid(id) ? await db().evidencePackage.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError('not_found', 'Evidence package not found');
  if (row.status !== 'completed' || !row.bucket || !row.objectKey || !row.versionId)
    throw new AppError('conflict', `Evidence package is not ready (status: ${row.status})`);
  // A package built for a role that sees identifiers in clear is not handed to one that sees them masked.
  if (!row.masked && !can(user.role, 'identifiers.unmasked'))
    throw new AppError('forbidden', 'This package holds customer identifiers in clear, which your role sees masked');
  const object = await s3()
    .send(new GetObjectCommand({ Bucket: row.bucket, Key: row.objectKey, VersionId: row.versionId }))
    .catch((error: unknown) => {
      if (isMissingObject(error))
        throw new AppError(
          'not_found',
          `Evidence package file is no longer kept (retained until ${row.retainUntil?.toISOString() ?? 'unknown'}); build a new one`,
        );
      throw error;
    });
  const stream = object.Body as Readable;
  const size = Number(object.ContentLength ?? row.sizeBytes ?? 0);
  try {
    const details = {
      matterId: row.matterId,
      size,
      manifestSha256: row.manifestSha256,
      role: user.role,
      versionId: row.versionId,
      userEmail: user.email,
    };
    await appendAuditEntry({
      actorType: 'user',
      actorId: user.id,
      action: 'evidence.package_downloaded',
      subjectType: 'evidence_package',
      subjectId: id,
      details,
    });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stream, filename: `callvault-evidence-${id}.tar`, size };
}
