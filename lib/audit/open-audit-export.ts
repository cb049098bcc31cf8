// Opens a finished export's bundle for download. A download by a user is itself audited (who took a copy
// of the trail, when, and which manifest), before the first byte leaves.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { AppError } from '@/lib/http/app-error';
import { db } from '@/lib/db';

export async function openAuditExport(id: string, user?: TUserRef): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = await db().auditExport.findUnique({ where: { id }, select: { status: true, filePath: true, manifestSha256: true } });
  if (!row) throw new AppError('not_found', 'Audit export not found');
  if (row.status !== 'completed' || !row.filePath) throw new AppError('conflict', `Audit export is not ready (status: ${row.status})`);
  const info = await stat(row.filePath).catch(() => null);
  if (!info?.isFile()) throw new AppError('not_found', 'Audit export file is no longer available; start a new export');
  if (user) {
    const details = { size: info.size, manifestSha256: row.manifestSha256, role: user.role };
    await appendAuditEntry({ actorType: 'user', actorId: user.id, action: 'audit.export_downloaded', subjectType: 'export', subjectId: id, details });
  }
  return { stream: createReadStream(row.filePath), filename: `callvault-audit-${id}.jsonl`, size: info.size };
}
