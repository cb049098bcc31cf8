// The fault suite's throwaway stack: its own database (created and migrated here), Redis db index and bucket
// prefix; TCP proxies it can cut in front of Postgres and the S3 server; the vendor simulators in this process
// (they count every media download); the webhook receiver and the worker as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/db/pg-admin';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimAccount, TSimulator } from '@/simulators/types';
import { TcpProxy } from './tcp-proxy';

export type TStackOptions = {
  /** Redis db index used by the stack (FLUSHDB scenarios flush only this one). */
  redisDb: number;
  /** Postgres server (the stack creates its own database on it). */
  postgresUrl: string;
  /** Extra environment for the children (timings). */
  env?: Record<string, string>;
  logDir: string;
};

export type TStack = {
  runId: string;
  genesys: TSimulator;
  cxone: TSimulator;
  pgProxy: TcpProxy;
  s3Proxy: TcpProxy;
  webhookUrl: string;
  databaseUrl: string;
  redisUrl: string;
  bucketPrefix: string;
  s3Endpoint: string;
  /** SIGKILL the worker process (no graceful shutdown). */
  killWorker(): void;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
};

const account = (id: string, instance: string): TSimAccount => ({
  id,
  name: id,
  instance,
  clientId: `${id}-client`,
  clientSecret: `${id}-secret-${randomBytes(8).toString('hex')}`,
  webhookBearerToken: null,
  webhookHmacSecret: `${id}-hmac-${randomBytes(12).toString('hex')}`,
});

function run(cmd: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...cmd], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (${code}): ${out.slice(-2000)}`))));
  });
}

function startChild(
  file: string,
  env: NodeJS.ProcessEnv,
  log: string,
  ready?: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sink = createWriteStream(log, { flags: 'a' });
  child.stdout!.pipe(sink);
  child.stderr!.pipe(sink);
  if (!ready) return Promise.resolve({ child, match: null });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${file} did not start within 120 s (log: ${log})`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      seen += c.toString();
      const match = seen.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    });
    child.on('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready (log: ${log})`)));
  });
}

/** SIGTERM, then SIGKILL if the process has not exited within 15 s. */
async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function startStack(o: TStackOptions): Promise<TStack> {
  const runId = randomBytes(3).toString('hex');
  mkdirSync(o.logDir, { recursive: true });
  const s3Endpoint = process.env.S3_ENDPOINT;
  if (!s3Endpoint) throw new Error('S3_ENDPOINT must name the S3 server the stack writes to (through its proxy)');
  const databaseUrl = withDatabase(o.postgresUrl, `callvault_proof_${runId}`);
  await ensureDatabase(databaseUrl);
  const pgTarget = new URL(o.postgresUrl);
  const bucketPrefix = `cvproof${runId}`;
  const redisUrl = `redis://127.0.0.1:6379/${o.redisDb}`;
  const genesys = await startGenesysSimulator({ accounts: [account(`proof-gen-${runId}`, 'mypurecloud.com')] });
  const cxone = await startCxoneSimulator({ accounts: [account(`proof-cx-${runId}`, 'eu1')] });
  const pgProxy = new TcpProxy('postgres', pgTarget.hostname, Number(pgTarget.port || 5432));
  const s3Target = new URL(s3Endpoint);
  const s3Proxy = new TcpProxy('s3', s3Target.hostname, Number(s3Target.port || 80));
  await pgProxy.start();
  await s3Proxy.start();
  const proxiedDb = Object.assign(new URL(databaseUrl), { port: String(pgProxy.port) }).toString();
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.PROOF_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET_PREFIX: bucketPrefix,
    RESIDENCY_REGIONS: 'us,eu',
    // Proof objects are Object-Locked like any other; keep them for the shortest window the store allows.
    RETENTION_DEFAULT_DAYS: '1',
    AUDIT_KEY_PROVIDER: 'local',
    AUDIT_HMAC_KEYS: `proof-k1:${randomBytes(32).toString('base64')}`,
    AUDIT_ACTIVE_KEY_ID: 'proof-k1',
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    VENDOR_ACCOUNTS: JSON.stringify(
      [...genesys.vendorAccountsJson(), ...cxone.vendorAccountsJson()].map((a) => ({ ...a, requestsPerMinute: 100_000 })),
    ),
    // Webhooks only: polling would find what the pipeline lost and hide it from the count.
    POLL_INTERVAL_SECONDS: '86400',
    WORKER_METRICS_PORT: '',
    ...o.env,
  };
  delete base.WORKER_METRICS_PORT;
  await run(['scripts/db/migrate.ts', 'deploy'], base, 'migrations');
  await run(['scripts/provision-storage.ts'], base, 'bucket provisioning');
  const proxied = { ...base, DATABASE_URL: proxiedDb, S3_ENDPOINT: `http://127.0.0.1:${s3Proxy.port}` };
  const web = await startChild('scripts/proof/webhook-server.ts', proxied, join(o.logDir, 'webhooks.log'), /listening (\d+)/);
  let worker: ChildProcess | null = null;
  let workerNo = 0;
  const startWorker = async () => {
    workerNo += 1;
    worker = (await startChild('workers/index.ts', proxied, join(o.logDir, `worker-${workerNo}.log`))).child;
  };
  await startWorker();
  return {
    runId,
    genesys,
    cxone,
    pgProxy,
    s3Proxy,
    webhookUrl: `http://127.0.0.1:${web.match![1]}`,
    databaseUrl,
    redisUrl,
    bucketPrefix,
    s3Endpoint,
    killWorker: () => void worker?.kill('SIGKILL'),
    startWorker,
    stop: async () => {
      await Promise.all([stopChild(worker), stopChild(web.child)]);
      await Promise.all([genesys.stop(), cxone.stop(), pgProxy.stop(), s3Proxy.stop()]);
      await dropDatabase(databaseUrl).catch(() => undefined);
    },
  };
}
