// Audit trail at scale: builds a real 1,000,000-entry chain (hashed and HMAC-signed like
// appendAuditEntry, bulk-inserted) in a throwaway database, then measures export, offline bundle
// verification (the real CLI) and live-table verification: rate, peak RSS and bundle size. Export,
// bundle verification and table verification each run in their own process, so each peak RSS
// (the kernel's VmHWM, polled from /proc) is that phase's alone. Not part of the tests.
//
//   node --import tsx scripts/bench/audit-1m.ts [--entries 1000000] [--keep]
//
// Uses the server of DATABASE_URL with its own database, <DATABASE_URL's name>_audit_bench_test
// (callvault_audit_bench_test by default), dropped at the end unless --keep. The export publishes a signed
// checkpoint, so the environment must also name the signing keys and an S3 server with provisioned audit
// buckets (e.g. `set -a; source scripts/test-env.sh; set +a`). Results: docs/benchmarks/audit.md.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { journalAuditEntry } from '@/lib/audit/append-audit-entry';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { bundleFileWriter } from '@/tests/support/bundle-file-writer';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { GENESIS_HASH, hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { setAuditKeyProvider } from '@/lib/audit/key-provider';
import { LocalKeyProvider } from '@/lib/audit/local-key-provider';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import { signingProvider } from '@/lib/audit/signing-provider';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createPrismaClient } from '@/lib/db';
import { throwawayDatabase } from '@/tests/support/throwaway-database';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    keep: { type: 'boolean' },
    phase: { type: 'string' },
    file: { type: 'string' },
  },
});
const N = Number(values.entries);
const scratch = throwawayDatabase('audit_bench');
const url = scratch.url;
const ROOT = path.resolve(import.meta.dirname, '../..');
// Child phases get the parent's key through the environment.
const key = process.env.BENCH_AUDIT_KEY ? Buffer.from(process.env.BENCH_AUDIT_KEY, 'base64') : randomBytes(32);
const provider = new LocalKeyProvider(new Map([['bench-k1', key]]), 'bench-k1');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs a child process, polling its peak RSS (VmHWM) from /proc; returns seconds, peak RSS and stdout. */
async function runPhase(args: string[]): Promise<{ seconds: number; peakRss: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_AUDIT_KEY: key.toString('base64') },
  });
  let stdout = '';
  let stderr = '';
  let peakRss = 0;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setInterval(async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stdout}${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakRss, stdout };
}

function buildBatch(prev: TAuditRecord | null, count: number, start: number): TAuditRecord[] {
  const out: TAuditRecord[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    const hashed = {
      sequence: String(n),
      occurredAt: new Date(t0 + n * 50).toISOString(),
      actorType: 'worker',
      actorId: `worker-${n % 8}`,
      action: ['ingest.received', 'archive.download', 'archive.stored', 'archive.verified', 'archive.completed'][n % 5]!,
      subjectType: 'recording',
      subjectId: `genesys-cloud:rec-${Math.floor(n / 5)}`,
      details: JSON.parse(
        canonicalJson({
          recordingId: randomUUID(),
          bucket: 'callvault-recordings-eu',
          sizeBytes: 2_400_000 + n,
          sha256: randomBytes(32).toString('hex'),
          attempt: 1,
        }),
      ),
      prevHash: prev?.entryHash ?? GENESIS_HASH,
    };
    const entryHash = hashAuditEntry(hashed);
    prev = { ...hashed, entryHash, keyId: 'bench-k1', signature: createHmac('sha256', key).update(entryHash).digest('hex') };
    out.push(prev);
  }
  return out;
}

async function insertChain(pool: pg.Pool): Promise<void> {
  let prev: TAuditRecord | null = null;
  const batch = 5000;
  for (let start = 1; start <= N; start += batch) {
    const records = buildBatch(prev, Math.min(batch, N - start + 1), start);
    const col = (f: keyof TAuditRecord) => records.map((r) => (f === 'details' ? canonicalJson(r.details) : r[f]));
    await pool.query(
      `INSERT INTO "AuditEntry" ("sequence","occurredAt","actorType","actorId","action","subjectType","subjectId","details","prevHash","entryHash","signature","keyId")
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      (
        [
          'sequence',
          'occurredAt',
          'actorType',
          'actorId',
          'action',
          'subjectType',
          'subjectId',
          'details',
          'prevHash',
          'entryHash',
          'signature',
          'keyId',
        ] as const
      ).map(col),
    );
    prev = records.at(-1)!;
    if ((start - 1) % 100_000 === 0) process.stdout.write(`\r  inserted ${start - 1 + records.length}`);
  }
  process.stdout.write('\n');
}

async function appendRate(client: ReturnType<typeof createPrismaClient>, writers: number, each: number): Promise<number> {
  setAuditKeyProvider(provider);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < each; i++)
        await journalAuditEntry(
          { actorType: 'worker', actorId: `bench-${w}`, action: 'bench.append', subjectType: 'system', subjectId: 'bench', details: { i } },
          client,
        );
    }),
  );
  return (writers * each) / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  console.log(`audit benchmark: ${N.toLocaleString('en')} entries, database ${url}`);
  await scratch.create();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const client = createPrismaClient(url);
  const dir = await mkdtemp(path.join(tmpdir(), 'cv-audit-bench-'));
  try {
    const started = performance.now();
    await insertChain(pool);
    const seconds = (performance.now() - started) / 1000;
    console.log(`insert (hash + sign + bulk INSERT): ${(N / seconds).toFixed(0)} entries/s (${seconds.toFixed(1)} s)`);
    await pool.query('VACUUM ANALYZE "AuditEntry"');

    const baseline = await runPhase(['scripts/bench/audit-1m.ts', '--phase', 'baseline']);
    console.log(`baseline (process with tsx + Prisma client, one query): peak RSS ${mb(baseline.peakRss)}`);
    const file = path.join(dir, 'bundle.jsonl');
    const exported = await runPhase(['scripts/bench/audit-1m.ts', '--phase', 'export', '--file', file]);
    const size = (await stat(file)).size;
    console.log(
      `export: ${(N / exported.seconds).toFixed(0)} entries/s (${exported.seconds.toFixed(1)} s incl. process start), bundle ${mb(size)} (${size} bytes), peak RSS ${mb(exported.peakRss)}`,
    );

    const keysFile = path.join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify({ keys: await signingProvider().publishedKeys() }));
    const verified = await runPhase(['scripts/audit/verify-bundle.ts', file, '--keys', keysFile]);
    if (!verified.stdout.startsWith('VALID')) throw new Error(`bundle did not verify: ${verified.stdout}`);
    console.log(
      `verify bundle (CLI, offline): ${(N / verified.seconds).toFixed(0)} entries/s (${verified.seconds.toFixed(1)} s incl. process start), peak RSS ${mb(verified.peakRss)}`,
    );

    const chain = await runPhase(['scripts/bench/audit-1m.ts', '--phase', 'verify-table']);
    console.log(
      `verify table (verifyAuditChain, no segments): ${(N / chain.seconds).toFixed(0)} entries/s (${chain.seconds.toFixed(1)} s incl. process start), peak RSS ${mb(chain.peakRss)}`,
    );

    console.log(`appendAuditEntry, 1 writer:  ${(await appendRate(client, 1, 1000)).toFixed(0)} entries/s`);
    console.log(
      `appendAuditEntry, 8 writers: ${(await appendRate(client, 8, 250)).toFixed(0)} entries/s (one process, 8 concurrent transactions)`,
    );
  } finally {
    await client.$disconnect();
    await pool.end();
    await rm(dir, { recursive: true, force: true });
    if (!values.keep) await scratch.drop();
  }
}

/** Child phases: one measured operation per process. */
async function phase(name: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    if (name === 'baseline') {
      await client.$queryRaw`SELECT 1`;
    } else if (name === 'export') {
      await exportAuditBundle({
        exportId: randomUUID(),
        scope: {},
        resolved: await resolveAuditScope({}, client),
        createdBy: { id: 'bench' },
        write: bundleFileWriter(values.file!),
        client,
      });
    } else if (name === 'verify-table') {
      const result = await verifyAuditChain({ client, provider });
      if (!result.ok) throw new Error(`table did not verify: ${JSON.stringify(result)}`);
    } else {
      throw new Error(`unknown phase ${name}`);
    }
  } finally {
    await client.$disconnect();
  }
}

if (values.phase) await phase(values.phase);
else await main();
