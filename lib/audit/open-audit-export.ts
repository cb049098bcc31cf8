// Opens a finished export's bundle for download from the audit bucket. A download by a user is itself
// audited (who took a copy of the trail, when, and which manifest), before the first byte leaves.
import type { Readable } from 'node:stream';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/http/app-error';
import { openLockedObject } from '@/lib/storage/open-locked-object';

export async function openAuditExport(
  id: string,
  user?: { id: string; role: Role },
): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = await db().auditExport.findUnique({
    where: { id },
    select: { status: true, bucket: true, objectKey: true, versionId: true, sizeBytes: true, manifestSha256: true, retainUntil: true },
  });
  if (!row) throw new AppError('not_found', 'Audit export not found');
  const { stream, size } = await openLockedObject(row, {
    label: 'Audit export',
    renew: 'start a new export',
    beforeFirstByte: async ({ size, versionId }) => {
      if (!user) return;
      await appendAuditEntry({
        actorType: 'user',
        actorId: user.id,
        action: 'audit.export_downloaded',
        subjectType: 'export',
        subjectId: id,
        details: { size, manifestSha256: row.manifestSha256, role: user.role, versionId },
      });
    },
  });
  return { stream, filename: `callvault-audit-${id}.jsonl`, size };
}
