// Audit exports as queued jobs: started in this process, built by a worker in another process, stored
// Object-Locked in the audit bucket and downloaded here with no state shared with the process that wrote
// it. An export no job is working on any more is queued again while it has attempts left, then failed and
// audited; never left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { getAuditExport } from '@/lib/audit/get-audit-export';
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { auditBucket } from '@/lib/audit/seal-audit-segment';
import { startAuditExport } from '@/lib/audit/start-audit-export';
import { sweepAuditExports } from '@/lib/audit/sweep-audit-exports';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { JOBS } from '@/lib/queue/contracts';
import { auditExportQueue, closeQueues } from '@/lib/queue/queues';
import { closeProducerConnection } from '@/lib/queue/close-producer-connection';
import { isObjectLockDenial, s3 } from '@/lib/storage/s3-client';
import { ROOT } from '@/tests/support/run-node';
import { waitFor } from '@/tests/support/wait-for';

let worker: ChildProcess | undefined;
let auditor: TUserRef;

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/audit-export-worker-process.ts'], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
  return child;
}

const settled = (id: string) =>
  waitFor(
    `export ${id} settled`,
    async () => {
      const v = await getAuditExport(id);
      return v.status === 'completed' || v.status === 'failed' ? v : null;
    },
    45_000,
    50,
  );

beforeAll(async () => {
  await auditExportQueue().obliterate({ force: true });
  const u = await db().user.create({
    data: { email: `it-export-jobs-${Date.now()}@callvault.test`, name: 'Export Jobs', role: 'AUDITOR' },
  });
  auditor = { id: u.id, email: u.email, role: 'AUDITOR' };
  worker = await startWorkerProcess();
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await closeQueues();
  await closeProducerConnection();
  await db().$disconnect();
});

describe('audit exports as jobs', () => {
  it('is queued here, built by another process into a locked object, and streamed back from S3', async () => {
    const { id } = await startAuditExport({ scope: {}, user: auditor });
    expect((await getAuditExport(id)).status).toMatch(/^(queued|running|completed)$/);
    const view = await settled(id);
    expect(view).toMatchObject({ status: 'completed', error: null, attempts: 1 });

    const row = await db().auditExport.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ bucket: auditBucket(), objectKey: `exports/${id}.cvaudit.jsonl`, filePath: null });
    const opened = await openAuditExport(id, auditor);
    const bytes = await buffer(opened.stream);
    expect(bytes.length).toBe(Number(row.sizeBytes));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
    const manifest = JSON.parse(bytes.toString().trimEnd().split('\n').at(-1)!);
    expect(manifest.manifestHash).toBe(view.manifestSha256);

    const head = await s3().send(new HeadObjectCommand({ Bucket: row.bucket!, Key: row.objectKey!, VersionId: row.versionId! }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    const minimum = Date.now() + (env().AUDIT_EXPORT_RETENTION_DAYS - 1) * 86_400_000;
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBeGreaterThan(minimum);
    expect(row.retainUntil!.getTime()).toBe(head.ObjectLockRetainUntilDate!.getTime());
    const deletion = s3().send(new DeleteObjectCommand({ Bucket: row.bucket!, Key: row.objectKey!, VersionId: row.versionId! }));
    await expect(deletion).rejects.toSatisfy(isObjectLockDenial);

    await flushAuditSequencer();
    const audited = await db().auditEntry.findMany({ where: { subjectType: 'export', subjectId: id }, orderBy: { sequence: 'asc' } });
    expect(audited.map((e) => e.action)).toEqual(['audit.exported', 'audit.export_downloaded']);
    expect(audited[0]!.details).toMatchObject({ versionId: row.versionId, fileSha256: row.sha256, bytes: Number(row.sizeBytes) });
  });

  it('an export whose worker was lost is queued again and completes; one out of attempts is failed and audited', async () => {
    const stale = new Date(Date.now() - 10 * 60_000);
    const base = { requestedById: auditor.id, scope: {}, createdAt: stale, heartbeatAt: stale, entryCount: 12 };
    // As a crashed worker leaves them: "running", no job left in Redis.
    const lost = await db().auditExport.create({ data: { ...base, status: 'running', attempts: 1 } });
    const exhausted = await db().auditExport.create({ data: { ...base, status: 'running', attempts: env().AUDIT_EXPORT_ATTEMPTS } });
    // Still owned by a job (delayed): left alone.
    const waiting = await db().auditExport.create({ data: { ...base, status: 'queued', attempts: 0 } });
    await auditExportQueue().add(JOBS.auditExport, { exportId: waiting.id }, { jobId: waiting.id, delay: 3_600_000 });

    const sweep = await sweepAuditExports();
    expect(sweep.requeued).toContain(lost.id);
    expect(sweep.failed).toContain(exhausted.id);
    expect([...sweep.requeued, ...sweep.failed]).not.toContain(waiting.id);

    expect(await settled(lost.id)).toMatchObject({ status: 'completed', attempts: 2 });
    const failed = await getAuditExport(exhausted.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/No worker finished the export after 3 attempts/);
    await flushAuditSequencer();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'audit.export_failed', subjectId: exhausted.id } });
    expect(entry).toMatchObject({ actorId: auditor.id, subjectType: 'export' });
    expect((await getAuditExport(waiting.id)).status).toBe('queued');

    // A second sweep changes nothing settled.
    const again = await sweepAuditExports();
    expect([...again.requeued, ...again.failed]).not.toContain(exhausted.id);
    await (await auditExportQueue().getJob(waiting.id))?.remove();
  });
});
