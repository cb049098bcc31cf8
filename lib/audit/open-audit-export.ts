// Opens a finished export's bundle for download.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '@/lib/http/app-error';
import { db } from '@/lib/db';

export async function openAuditExport(id: string): Promise<{ stream: Readable; filename: string; size: number }> {
  const row = await db().auditExport.findUnique({ where: { id }, select: { status: true, filePath: true } });
  if (!row) throw new AppError('not_found', 'Audit export not found');
  if (row.status !== 'completed' || !row.filePath) throw new AppError('conflict', `Audit export is not ready (status: ${row.status})`);
  const info = await stat(row.filePath).catch(() => null);
  if (!info?.isFile()) throw new AppError('not_found', 'Audit export file is no longer available; start a new export');
  return { stream: createReadStream(row.filePath), filename: `callvault-audit-${id}.jsonl`, size: info.size };
}
