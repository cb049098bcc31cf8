// Scale-out: 2 console instances and 3 worker processes (each its own OS process) on one Redis, Postgres
// and S3 server, a failover storm of signed duplicate deliveries spread over both consoles. Exactly one
// object version and one download per recording, every delivery 202, and each vendor account's request
// count in any sliding minute within its configured budget although three processes spend it.
// An audit export started on one console is built by a worker and downloads, complete, from the other.
// Scaled down from 1,000 recordings x 5 deliveries to 40 x 5 (200 deliveries): the vendor budget is set
// low so that it binds, and at that budget a larger storm would take minutes on a 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simAccount } from '@/tests/support/sim-account';
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { verifyAuditBundle } from '@/lib/audit/verify-audit-bundle';
import { db } from '@/lib/db';
import { createS3Client } from '@/lib/storage/s3-client';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TEmitResult, TSimRecording, TSimulator } from '@/simulators/types';
import { ROOT } from '@/tests/support/run-node';
import { resetRedis, runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';
import { makeUser } from './security-support';

const GEN = `scale-gen-${runId}`;
const CX = `scale-cx-${runId}`;
const PER_VENDOR = 20;
const DELIVERIES = 5;
/** Calls per minute per account: 110 = 10 calls per 6 s window across all three workers. */
const BUDGET = 110;

const children: ChildProcess[] = [];
let genesys: TSimulator;
let cxone: TSimulator;
const consoles: string[] = [];
const s3 = createS3Client();

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => /"level":(50|60)/.test(d.toString()) && process.stderr.write(d));
  children.push(child);
  return child;
}

function consoleUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /url (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`console exited (${code}) before listening`)));
  });
}

/** The most requests an account made in any 60 s span (every request starts a span). */
function maxPerMinute(sim: TSimulator, accountId: string): number {
  const times = sim.requests
    .filter((r) => r.accountId === accountId)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 60_000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

beforeAll(async () => {
  genesys = await startGenesysSimulator({ accounts: [simAccount(GEN, 'mypurecloud.com')] });
  cxone = await startCxoneSimulator({ accounts: [simAccount(CX, 'na1')] });
  const accounts = [...genesys.vendorAccountsJson(), ...cxone.vendorAccountsJson()].map((a) => ({ ...a, requestsPerMinute: BUDGET }));
  await resetRedis();
  const env = { VENDOR_ACCOUNTS: JSON.stringify(accounts), POLL_INTERVAL_SECONDS: '3600', WORKER_CONCURRENCY: '4' };
  const started = [
    startProcess('tests/integration/scale-console-process.ts', env),
    startProcess('tests/integration/scale-console-process.ts', env),
  ];
  consoles.push(...(await Promise.all(started.map(consoleUrl))));
  for (let i = 0; i < 3; i++) startProcess('workers/index.ts', env);
}, 120_000);

afterAll(async () => {
  await Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))),
  );
  await resetRedis().catch(() => undefined);
  await genesys?.stop();
  await cxone?.stop();
  s3.destroy();
});

describe('scale-out', () => {
  it('2 consoles + 3 workers: one object version and one download per recording, vendor budgets kept', { timeout: 240_000 }, async () => {
    const gen: TSimRecording[] = Array.from({ length: PER_VENDOR }, (_, i) => genesys.addRecording({ seconds: 2, seed: i }));
    const cx: TSimRecording[] = Array.from({ length: PER_VENDOR }, (_, i) => cxone.addRecording({ seconds: 2, seed: 500 + i }));
    // 5 deliveries of each event: 3 to one console, 2 to the other, all shuffled and concurrent.
    const emit = (sim: TSimulator, recs: TSimRecording[]) => [
      sim.emitAll(recs, { baseUrl: consoles[0]!, duplicates: 3, shuffle: true, concurrency: 8 }),
      sim.emitAll(recs, { baseUrl: consoles[1]!, duplicates: DELIVERIES - 3, shuffle: true, concurrency: 8 }),
    ];
    const results: TEmitResult[] = (await Promise.all([...emit(genesys, gen), ...emit(cxone, cx)])).flat();
    expect(results).toHaveLength(2 * PER_VENDOR * DELIVERIES);
    expect(results.filter((r) => r.status !== 202).map((r) => `${r.status} ${r.body}`)).toEqual([]);

    const where = { vendorAccountId: { in: [GEN, CX] }, status: 'ARCHIVED' as const };
    await waitFor('every recording archived', async () => (await db().recording.count({ where })) === 2 * PER_VENDOR, 200_000, 500);

    const rows = await db().recording.findMany({ where, select: { vendorRecordingId: true, storageBucket: true, storageKey: true } });
    for (const row of rows) {
      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: row.storageBucket!, Prefix: row.storageKey! }));
      expect(
        (versions.Versions ?? []).filter((v) => v.Key === row.storageKey),
        row.vendorRecordingId,
      ).toHaveLength(1);
    }
    for (const r of gen) expect(genesys.downloadCount(r.id), r.id).toBe(1);
    for (const r of cx) expect(cxone.downloadCount(r.id), r.id).toBe(1);

    // The budget is shared: three processes together stay within it in every sliding minute.
    expect(maxPerMinute(genesys, GEN)).toBeLessThanOrEqual(BUDGET);
    expect(maxPerMinute(cxone, CX)).toBeLessThanOrEqual(BUDGET);
  });

  it('an audit export started on one console downloads from the other', { timeout: 120_000 }, async () => {
    const auditor = await makeUser('AUDITOR');
    const headers = { 'x-test-user': JSON.stringify({ id: auditor.id, email: auditor.email, role: auditor.role }) };
    const today = new Date().toISOString().slice(0, 10);
    const started = await fetch(`${consoles[0]}/api/audit/exports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ from: today, to: today }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let status = '';
    await waitFor(
      'export completed (seen from the other console)',
      async () => {
        const res = await fetch(`${consoles[1]}/api/audit/exports/${id}`, { headers });
        status = ((await res.json()) as { status: string }).status;
        return status === 'completed' || status === 'failed';
      },
      90_000,
      500,
    );
    expect(status).toBe('completed');
    const download = await fetch(`${consoles[1]}/api/audit/exports/${id}/download`, { headers });
    expect(download.status).toBe(200);
    const bundle = Buffer.from(await download.arrayBuffer());
    expect(bundle.length).toBe(Number(download.headers.get('content-length')));
    // The bytes served by the other console are the whole signed bundle: it verifies against the published keys.
    const verified = await verifyAuditBundle(
      (async function* () {
        yield bundle;
      })(),
      { publicKeys: (await listPublishedKeys()).keys },
    );
    expect(verified).toMatchObject({ ok: true });
  });
});
