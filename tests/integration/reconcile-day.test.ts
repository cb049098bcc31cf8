// Daily reconciliation against the simulators' listings (Genesys details query + recording metadata, CXone
// completed contacts): a recording never delivered by webhook is found and archived through the normal
// enqueue path; an archived row whose stored version disagrees and a row the vendor does not list are
// reported; the report is signed, Object-Locked in the region's audit bucket, indexed and audited.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { db } from '@/lib/db';
import { JOBS } from '@/lib/queue/contracts';
import { maintenanceQueue } from '@/lib/queue/queues';
import { verifyReconciliationReport } from '@/lib/reconcile/verify-reconciliation-report';
import { s3 } from '@/lib/storage/s3-client';
import type { TSimRecording } from '@/simulators/types';
import { runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const GEN = `rec-gen-${runId}`;
const CX = `rec-cx-${runId}`;
// Yesterday (UTC): the day a scheduled run reconciles.
const DAY = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
const at = (hour: number) => new Date(`${DAY}T${String(hour).padStart(2, '0')}:00:00.000Z`);

const status = async (id: string) =>
  (await db().recording.findFirst({ where: { vendorRecordingId: id }, select: { status: true } }))?.status ?? null;

async function runReconcile(vendorAccountId: string): Promise<{ id: string }> {
  const before = new Set((await db().reconciliationReport.findMany({ where: { vendorAccountId }, select: { id: true } })).map((r) => r.id));
  await maintenanceQueue().add(JOBS.reconcile, { vendorAccountId, day: DAY }, { attempts: 1 });
  let found: { id: string } | undefined;
  await waitFor(
    `reconciliation report for ${vendorAccountId}`,
    async () => {
      found = (await db().reconciliationReport.findMany({ where: { vendorAccountId }, select: { id: true } })).find(
        (r) => !before.has(r.id),
      );
      return found !== undefined;
    },
    60_000,
    200,
  );
  return found!;
}

const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com', { hmac: true })] },
  cxone: { accounts: [simAccount(CX, 'eu1', { hmac: true })], faults: { maxPageSize: 2 } },
  requestsPerMinute: 100_000,
  routes: true,
  workers: { schedule: false, metricsPort: null },
});

describe('daily reconciliation', () => {
  it('archives what was never delivered, reports mismatches and extras, signs and locks the report', { timeout: 120_000 }, async () => {
    const gen: TSimRecording[] = [1, 2, 3].map((h) => stack.genesys.addRecording({ seconds: 1, seed: h, startTime: at(h) }));
    const cx: TSimRecording[] = [4, 5].map((h) => stack.cxone.addRecording({ seconds: 1, seed: h, startTime: at(h) }));
    // Another day: never part of this day's reconciliation.
    const otherDay = stack.genesys.addRecording({ seconds: 1, seed: 9, startTime: new Date(at(1).getTime() - 24 * 3600_000) });
    const [neverGen, neverCx] = [gen[2]!, cx[1]!];
    await stack.genesys.emitAll(gen.slice(0, 2), { baseUrl: stack.routes.url });
    await stack.cxone.emitAll(cx.slice(0, 1), { baseUrl: stack.routes.url });
    const delivered = [...gen.slice(0, 2), cx[0]!].map((r) => r.id);
    await waitFor(
      'delivered recordings archived',
      async () => (await db().recording.count({ where: { vendorRecordingId: { in: delivered }, status: 'ARCHIVED' } })) === 3,
      60_000,
      200,
    );
    expect(await status(neverGen.id)).toBeNull();

    // The archive row of one delivered recording now disagrees with its stored version.
    await db().recording.updateMany({ where: { vendorRecordingId: gen[1]!.id }, data: { sizeBytes: { increment: 1 } } });
    const extra = await db().recording.create({
      data: {
        archiveId: `extra-${runId}`,
        vendorSource: 'GENESYS_CLOUD',
        vendorRecordingId: `extra-${runId}`,
        vendorAccountId: GEN,
        startTime: at(6),
        status: 'FAILED',
      },
    });

    const genReport = await runReconcile(GEN);
    const row = await db().reconciliationReport.findUniqueOrThrow({ where: { id: genReport.id } });
    expect({
      listed: row.listedCount,
      matched: row.matchedCount,
      missing: row.missingCount,
      redriven: row.redrivenCount,
      extra: row.extraCount,
      mismatch: row.mismatchCount,
    }).toEqual({
      listed: 3,
      matched: 1,
      missing: 1,
      redriven: 1,
      extra: 1,
      mismatch: 1,
    });
    const findings = row.findings as { kind: string; vendorRecordingId: string }[];
    expect(findings.map((f) => `${f.kind}:${f.vendorRecordingId}`).sort()).toEqual(
      [`missing:${neverGen.id}`, `checksum_mismatch:${gen[1]!.id}`, `extra:${extra.vendorRecordingId}`].sort(),
    );
    expect(findings.some((f) => f.vendorRecordingId === otherDay.id)).toBe(false);

    // The stored report: Object-Locked, byte-identical to the indexed digest, signature valid.
    const object = await s3().send(new GetObjectCommand({ Bucket: row.bucket, Key: row.key, VersionId: row.versionId ?? undefined }));
    expect(object.ObjectLockMode).toBe('COMPLIANCE');
    expect(row.bucket).toMatch(/-audit-us$/);
    const text = await object.Body!.transformToString();
    expect(createHash('sha256').update(text).digest('hex')).toBe(row.sha256);
    const verdict = await verifyReconciliationReport(text, auditKeyProvider());
    expect(verdict.ok && verdict.report.counts).toMatchObject({ listed: 3, missing: 1, redriven: 1 });
    const tampered = text.replace('"missing":1', '"missing":0');
    expect(tampered).not.toBe(text);
    expect(await verifyReconciliationReport(tampered, auditKeyProvider())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature does not match'),
    });
    // The offline verifier: the downloaded object and the key, nothing else.
    const file = join(mkdtempSync(join(tmpdir(), 'cv-rec-')), 'report.json');
    writeFileSync(file, text);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile/verify-report.ts', file, '--keys-from-env'], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`VALID: ${GEN} ${DAY}`);
    writeFileSync(file, tampered);
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile/verify-report.ts', file, '--keys-from-env'], { encoding: 'utf8' })
        .status,
    ).toBe(1);
    await flushAuditSequencer();
    expect(await db().auditEntry.count({ where: { action: 'reconciliation.reported', subjectId: row.id } })).toBe(1);

    // The never-delivered recordings get archived, each downloaded once, recorded as a delivery.
    const cxReport = await runReconcile(CX);
    const cxRow = await db().reconciliationReport.findUniqueOrThrow({ where: { id: cxReport.id } });
    expect(cxRow.bucket).toMatch(/-audit-eu$/);
    expect([cxRow.listedCount, cxRow.matchedCount, cxRow.missingCount, cxRow.redrivenCount]).toEqual([2, 1, 1, 1]);
    await waitFor(
      'never-delivered recordings archived',
      async () => (await status(neverGen.id)) === 'ARCHIVED' && (await status(neverCx.id)) === 'ARCHIVED',
      60_000,
      200,
    );
    // Fetched at least once, at most twice for an attempt cut by a transient failure; one row each either way.
    for (const n of [stack.genesys.downloadCount(neverGen.id), stack.cxone.downloadCount(neverCx.id)])
      expect(n === 1 || n === 2, `downloads: ${n}`).toBe(true);
    expect(await db().recording.count({ where: { vendorRecordingId: { in: [neverGen.id, neverCx.id] } } })).toBe(2);
    expect(await db().ingestEvent.count({ where: { vendorRecordingId: neverGen.id, eventType: 'reconcile.missing' } })).toBe(1);

    // A second run the next morning finds the account whole.
    const again = await db().reconciliationReport.findUniqueOrThrow({ where: { id: (await runReconcile(CX)).id } });
    expect([again.listedCount, again.matchedCount, again.missingCount, again.pendingCount, again.mismatchCount]).toEqual([2, 2, 0, 0, 0]);
  });
});
