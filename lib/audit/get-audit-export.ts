// One audit export's status and outcome, JSON-safe (bigints as decimal strings).
import { AppError } from '@/lib/http/app-error';
import { db } from '@/lib/db';

export type TAuditExportView = {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  scope: unknown;
  requestedBy: { id: string; email: string };
  entryCount: number;
  firstSequence: string | null;
  lastSequence: string | null;
  /** SHA-256 of the signed manifest: the value recorded in the `audit.exported` entry. */
  manifestSha256: string | null;
  error: string | null;
  /** Worker runs started so far (a crashed run is retried). */
  attempts: number;
  /** Until when the stored bundle is kept (Object Lock, then lifecycle expiry). */
  retainUntil: string | null;
  createdAt: string;
  completedAt: string | null;
};

export async function getAuditExport(id: string): Promise<TAuditExportView> {
  const row = await db().auditExport.findUnique({ where: { id }, include: { requestedBy: { select: { id: true, email: true } } } });
  if (!row) throw new AppError('not_found', 'Audit export not found');
  return {
    id: row.id,
    status: row.status as TAuditExportView['status'],
    scope: row.scope,
    requestedBy: row.requestedBy,
    entryCount: row.entryCount ?? 0,
    firstSequence: row.firstSequence?.toString() ?? null,
    lastSequence: row.lastSequence?.toString() ?? null,
    manifestSha256: row.manifestSha256,
    error: row.error,
    attempts: row.attempts,
    retainUntil: row.retainUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
