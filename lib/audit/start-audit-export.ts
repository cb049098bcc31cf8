// Starts an audit export: validates the scope (unknown recordings/cases are a 404 before anything
// is recorded), records the AuditExport row, and writes the bundle in the background. Progress and
// the outcome land on the row (getAuditExport); completion is itself audited with the manifest hash.
import path from 'node:path';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { resolveAuditScope, type TResolvedScope } from '@/lib/audit/resolve-audit-scope';
import { ZAuditScope, type TAuditScope } from '@/lib/audit/scope';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

export const EXPORT_STATUS = { running: 'running', completed: 'completed', failed: 'failed' } as const;

/** Absolute path of an export's bundle file. */
export function exportFilePath(id: string): string {
  return path.resolve(env().EXPORT_DIR, `${id}.cvaudit.jsonl`);
}

async function runExport(id: string, scope: TAuditScope, resolved: TResolvedScope, user: TUserRef): Promise<void> {
  const filePath = exportFilePath(id);
  try {
    const result = await exportAuditBundle({
      exportId: id,
      scope,
      resolved,
      createdBy: { id: user.id, email: user.email, role: user.role },
      filePath,
      onProgress: async (entryCount) => void (await db().auditExport.update({ where: { id }, data: { entryCount } })),
    });
    const m = result.manifest;
    await db().$transaction(async (tx) => {
      await tx.auditExport.update({
        where: { id },
        data: {
          status: EXPORT_STATUS.completed,
          entryCount: m.entryCount,
          firstSequence: m.firstSequence === null ? null : BigInt(m.firstSequence),
          lastSequence: m.lastSequence === null ? null : BigInt(m.lastSequence),
          manifestSha256: result.manifestHash,
          filePath,
          completedAt: new Date(),
        },
      });
      await appendAuditEntry(
        {
          actorType: 'user',
          actorId: user.id,
          action: 'audit.exported',
          subjectType: 'export',
          subjectId: id,
          details: { scope, entryCount: m.entryCount, firstSequence: m.firstSequence, lastSequence: m.lastSequence, manifestHash: result.manifestHash, fileSha256: result.sha256, bytes: result.bytes },
        },
        tx,
      );
    });
  } catch (error) {
    logger.error({ err: error, exportId: id }, 'audit export failed');
    await db().auditExport.update({ where: { id }, data: { status: EXPORT_STATUS.failed, error: (error as Error).message.slice(0, 500) } });
    await appendAuditEntry({ actorType: 'user', actorId: user.id, action: 'audit.export_failed', subjectType: 'export', subjectId: id, details: { scope } });
  }
}

const running = new Set<Promise<void>>();

/** Resolves once every export started by this process has finished (graceful shutdown, tests). */
export async function settleAuditExports(): Promise<void> {
  await Promise.allSettled([...running]);
}

export async function startAuditExport(input: { scope: TAuditScope; user: TUserRef }): Promise<{ id: string }> {
  const scope = ZAuditScope.parse(input.scope);
  const resolved = await resolveAuditScope(scope);
  const row = await db().auditExport.create({ data: { requestedById: input.user.id, scope, status: EXPORT_STATUS.running, entryCount: 0 } });
  const task = runExport(row.id, scope, resolved, input.user)
    .catch((error) => logger.error({ err: error, exportId: row.id }, 'audit export bookkeeping failed'))
    .finally(() => running.delete(task));
  running.add(task);
  return { id: row.id };
}
