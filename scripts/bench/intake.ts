// Intake benchmark: a vendor failover storm against a throwaway stack, with the same run's reference
// figures. Prints ONE JSON line. Not part of the tests.
//
//   npm run bench:intake -- [--consoles 2] [--workers 3] [--recordings 400] [--deliveries 5] [--connections 64]
//
// The stack: its own database (<DATABASE_URL's name>_bench_intake_test, migrated from scratch), its own Redis
// db index (BENCH_REDIS_DB, default 14, flushed first), its own bucket prefix (cvbench, provisioned with
// 1-day retention), a Genesys simulator in this process serving 1-minute recordings, N console instances
// (`next start` on consecutive ports; built once if .next is missing) and M worker processes. Deliveries
// are signed (HMAC, as Genesys integrations are configured here), shuffled, spread round-robin over the
// consoles through 64 keep-alive connections. Reported: deliveries/s and p50/p95/p99 latency, recordings
// archived/s (first POST → last recording ARCHIVED), and the references measured in the same run: a bare
// Node HTTP server doing the same HMAC check and answering 202 (same load), pgbench single-row INSERT commits
// with 8 clients, and plain lib-storage Uploads of the same 1-minute media (3 at a time, like 3 workers).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Upload } from '@aws-sdk/lib-storage';
import { signWebhookBody } from '@/lib/ingest/verify-webhook-auth';
import { bucketName } from '@/lib/storage/buckets';
import { createS3Client } from '@/lib/storage/s3-client';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimRecording } from '@/simulators/types';

const { values: a } = parseArgs({
  options: {
    consoles: { type: 'string', default: '2' },
    workers: { type: 'string', default: '3' },
    recordings: { type: 'string', default: '400' },
    deliveries: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    'archive-timeout': { type: 'string', default: '90' },
    'base-port': { type: 'string', default: '3900' },
    // Writes a V8 CPU profile (.cpuprofile) of every console and worker process into this folder.
    profile: { type: 'string' },
  },
});
const N = Number(a.consoles),
  M = Number(a.workers),
  R = Number(a.recordings),
  D = Number(a.deliveries),
  C = Number(a.connections);
const ROOT = process.cwd();
const children: ChildProcess[] = [];

/** Node flags for a profiled process (--cpu-prof is not allowed in NODE_OPTIONS, so it goes on the command line). */
function profileFlags(): string[] {
  return a.profile ? ['--cpu-prof', `--cpu-prof-dir=${a.profile}`] : [];
}

function stackEnv(): Record<string, string> {
  const db = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/callvault');
  db.pathname = `/${decodeURIComponent(db.pathname.slice(1)).replace(/_test$/, '')}_bench_intake_test`;
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');
  redis.pathname = `/${process.env.BENCH_REDIS_DB ?? '14'}`;
  return {
    DATABASE_URL: db.toString(),
    REDIS_URL: redis.toString(),
    S3_BUCKET_PREFIX: 'cvbench',
    RETENTION_DEFAULT_DAYS: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
}

function run(cmd: string, args: string[], env: Record<string, string>): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

function start(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  // Own process group: `next start` runs next-server as a child, which must stop with it.
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderr?.on('data', (d: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(d));
  children.push(child);
  return child;
}

function stopAll(): void {
  for (const c of children)
    if (c.pid && c.exitCode === null)
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
}

/** Stops every child and waits for it to exit, so CPU profiles are written before the references run. */
async function stopAllAndWait(): Promise<void> {
  const exits = children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  stopAll();
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 15_000))]);
}

async function until(_what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: C });

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

type TDelivery = { path: string; body: string };

/** Drives every delivery through C connections, round-robin over the base URLs; latency per request. */
async function drive(bases: string[], deliveries: TDelivery[], secret: string) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < deliveries.length) {
        const i = next++;
        const d = deliveries[i]!;
        const ts = Math.floor(Date.now() / 1000);
        const t0 = performance.now();
        // A failed connection counts as status 0 with the time it took to fail (never as a fast answer).
        const r = await post(`${bases[i % bases.length]}${d.path}`, d.body, {
          'x-callvault-timestamp': String(ts),
          'x-callvault-signature': signWebhookBody(secret, ts, d.body),
        }).catch(() => ({ status: 0, ms: performance.now() - t0 }));
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        latencies.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1));
  return {
    deliveries: deliveries.length,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(deliveries.length / seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    statuses,
  };
}

function pgbench(dbUrl: string) {
  const u = new URL(dbUrl);
  const conn = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username) || 'postgres'];
  const name = u.pathname.slice(1);
  run('psql', [...conn, '-d', name, '-qc', 'CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, v text)'], {});
  const script = '/tmp/callvault-bench-insert.sql';
  run('bash', ['-c', `echo "INSERT INTO bench_insert (v) VALUES ('x');" > ${script}`], {});
  const out = run('pgbench', [...conn, '-n', '-c', '8', '-j', '2', '-T', '8', '-f', script, name], {});
  return { clients: 8, tps: Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN')) };
}

async function uploadReference(media: Buffer) {
  const s3 = createS3Client();
  const bucket = bucketName('recordings', 'us', 'cvbench');
  let n = 0;
  const stopAt = performance.now() + 8000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (performance.now() < stopAt) {
        await new Upload({
          client: s3,
          params: { Bucket: bucket, Key: `bench-ref/${randomUUID()}.wav`, Body: media, ContentType: 'audio/wav' },
        }).done();
        n++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  s3.destroy();
  return {
    concurrent: 3,
    uploads: n,
    perSecond: Number((n / seconds).toFixed(1)),
    mbPerSecond: Number(((n * media.length) / 1e6 / seconds).toFixed(1)),
  };
}

async function bareReference(deliveries: TDelivery[], secret: string, port: number) {
  const server = start(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-webhook-server.ts'], {
    BARE_PORT: String(port),
    BARE_SECRET: secret,
  });
  await until('bare server', async () => (await post(`http://127.0.0.1:${port}/`, '{}', {})).status > 0, 30_000);
  const result = await drive([`http://127.0.0.1:${port}`], deliveries, secret);
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  return result;
}

async function main() {
  const env = stackEnv();
  if (!existsSync('.next/BUILD_ID')) run('node_modules/.bin/next', ['build'], { NODE_ENV: 'production' });
  run(process.execPath, ['--import', 'tsx', 'scripts/db/migrate.ts', 'reset'], env);
  run(process.execPath, ['--import', 'tsx', 'scripts/provision-storage.ts'], env);
  const secret = randomBytes(24).toString('hex');
  const accountId = `bench-${randomBytes(3).toString('hex')}`;
  const sim = await startGenesysSimulator({
    accounts: [
      {
        id: accountId,
        name: accountId,
        instance: 'mypurecloud.com',
        clientId: `${accountId}-client`,
        clientSecret: `${accountId}-secret-0123456789`,
        webhookBearerToken: null,
        webhookHmacSecret: secret,
      },
    ],
  });
  const recordings: TSimRecording[] = Array.from({ length: R }, (_, i) => sim.addRecording({ seconds: 60, seed: i }));
  const vendorAccounts = JSON.stringify(sim.vendorAccountsJson().map((v) => ({ ...v, requestsPerMinute: 100_000 })));
  const stack = { ...env, VENDOR_ACCOUNTS: vendorAccounts };
  run('redis-cli', ['-u', env.REDIS_URL!, 'FLUSHDB'], {});

  const basePort = Number(a['base-port']);
  const bases = Array.from({ length: N }, (_, i) => `http://127.0.0.1:${basePort + i}`);
  bases.forEach((base, i) =>
    // `next start` serves in its own process, so a profile of it is the console's.
    start(
      process.execPath,
      [...profileFlags(), 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(basePort + i)],
      {
        ...stack,
        NEXTAUTH_URL: base,
      },
    ),
  );
  for (let i = 0; i < M; i++)
    start(process.execPath, [...profileFlags(), '--import', 'tsx', 'workers/index.ts'], {
      ...stack,
      WORKER_METRICS_PORT: String(basePort + 50 + i),
    });
  // Any answer means the instance is listening (health may say 503 while a dependency warms up).
  for (const base of bases)
    if (!(await until(base, async () => (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).status > 0, 90_000)))
      throw new Error(`${base} did not start`);

  const body = (r: TSimRecording) =>
    JSON.stringify({
      type: 'recording.completed',
      id: `evt-${r.id}`,
      timestamp: new Date().toISOString(),
      data: { id: r.id, conversationId: r.interactionId, mediaType: 'voice', duration: 60, status: 'completed' },
    });
  const deliveries: TDelivery[] = recordings.flatMap((r) =>
    Array.from({ length: D }, () => ({ path: `/api/webhooks/genesys?account=${accountId}`, body: body(r) })),
  );
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }

  // Warm-up, not measured: the first delivery to each instance loads its route and opens its pools.
  for (const base of bases) for (const d of deliveries.slice(0, 4)) await drive([base], [d], secret);
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const archived = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM "Recording" WHERE "vendorAccountId" = $1 AND status IN ('ARCHIVED', 'QUARANTINED')`,
          [accountId],
        )
      ).rows[0].n,
    );
  const firstPost = performance.now();
  const intake = await drive(bases, deliveries, secret);
  const done = await until('archive', async () => (await archived()) >= R, Number(a['archive-timeout']) * 1000);
  const archiveSeconds = (performance.now() - firstPost) / 1000;
  const stored = await archived();
  const downloads = recordings.reduce((n, r) => n + sim.downloadCount(r.id), 0);
  await db.end();
  await stopAllAndWait();

  const media = recordings[0]!.media();
  const references = {
    bare: await bareReference(deliveries, secret, basePort + 90),
    pgbench: pgbench(env.DATABASE_URL!),
    upload: await uploadReference(media),
  };
  await sim.stop();
  console.log(
    JSON.stringify({
      bench: 'intake',
      consoles: N,
      workers: M,
      recordings: R,
      deliveriesPerRecording: D,
      connections: C,
      intake,
      archive: {
        archived: stored,
        complete: done,
        seconds: Number(archiveSeconds.toFixed(1)),
        perSecond: Number((stored / archiveSeconds).toFixed(1)),
        downloads,
        mediaBytes: media.length,
      },
      references,
    }),
  );
}

main()
  .catch((err: unknown) => {
    stopAll();
    console.error(err);
    process.exit(1);
  })
  .finally(() => agent.destroy());
