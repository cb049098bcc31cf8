// Opens a finished package for download from the audit bucket. The download is audited before the first
// byte leaves.
import type { Readable } from 'node:stream';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { isUuid } from '@/lib/http/uuid-param';
import { openLockedObject } from '@/lib/storage/open-locked-object';

export async function openEvidencePackage(id: string, user: TSessionUser): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = isUuid(id) ? await db().evidencePackage.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError('not_found', 'Evidence package not found');
  if (row.status !== 'completed') throw new AppError('conflict', `Evidence package is not ready (status: ${row.status})`);
  // A package built for a role that sees identifiers in clear is not handed to one that sees them masked.
  if (!row.masked && !can(user.role, 'identifiers.unmasked'))
    throw new AppError('forbidden', 'This package holds customer identifiers in clear, which your role sees masked');
  const { stream, size } = await openLockedObject(row, {
    label: 'Evidence package',
    renew: 'build a new one',
    beforeFirstByte: ({ size, versionId }) =>
      appendAuditEntry({
        actorType: 'user',
        actorId: user.id,
        action: 'evidence.package_downloaded',
        subjectType: 'evidence_package',
        subjectId: id,
        details: { matterId: row.matterId, size, manifestSha256: row.manifestSha256, role: user.role, versionId, userEmail: user.email },
      }),
  });
  return { stream, filename: `callvault-evidence-${id}.tar`, size };
}
