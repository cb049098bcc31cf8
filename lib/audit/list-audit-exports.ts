// Every audit export, newest first, for the export history on the auditor's desk: status, who asked,
// when it was asked for and finished, size, and why it failed. Completed ones can be downloaded again.
import { z } from 'zod';
import { db } from '@/lib/db';
import { maskIdentifier } from '@/lib/masking/mask-identifier';

export const ZListAuditExports = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type TAuditExportSummary = {
  id: string;
  status: string;
  requestedBy: { name: string; email: string };
  scope: unknown;
  entryCount: number | null;
  sizeBytes: string | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  downloadable: boolean;
};

export async function listAuditExports(
  q: z.output<typeof ZListAuditExports>,
  /** Whether the caller may see the requesters' emails in clear. */
  unmasked: boolean,
): Promise<{ exports: TAuditExportSummary[]; total: number; page: number; pages: number }> {
  const [total, rows] = await Promise.all([
    db().auditExport.count(),
    db().auditExport.findMany({
      orderBy: { createdAt: 'desc' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { requestedBy: { select: { name: true, email: true } } },
    }),
  ]);
  const exports = rows.map((r) => ({
    id: r.id,
    status: r.status,
    requestedBy: { name: r.requestedBy.name, email: unmasked ? r.requestedBy.email : maskIdentifier(r.requestedBy.email) },
    scope: r.scope,
    entryCount: r.entryCount,
    sizeBytes: r.sizeBytes?.toString() ?? null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    downloadable: r.status === 'completed' && r.versionId !== null,
  }));
  return { exports, total, page: q.page, pages: Math.max(1, Math.ceil(total / q.pageSize)) };
}
