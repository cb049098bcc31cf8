// The fault scenarios. Each makes fresh recordings on both simulators, delivers them in both event styles
// (Genesys recording events and conversation-end events, CXone recording events), injects its fault while
// the storm is in flight, and says when the fault cleared (recovery is timed from there).
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import type { TSimRecording, TSimulator } from '@/simulators/types';
import { openUploads, recordingStatuses } from './count-outcome';
import type { Ledger } from './ledger';
import type { TStack } from './stack';

export type TSizes = { recordings: number; duplicates: number; outageSeconds: number; seconds: number; crashSeconds: number };

export type TScenarioContext = { stack: TStack; ledger: Ledger; db: pg.Pool; s3: S3Client; buckets: string[]; sizes: TSizes; seed: number };

export type TScenario = {
  name: string;
  /** Creates the scenario's recordings, delivers them with the fault; resolves with when the fault cleared. */
  run(ctx: TScenarioContext): Promise<{ recordings: TSimRecording[]; faultClearedAt: number; note?: string }>;
};

type TItem = { sim: TSimulator; rec: TSimRecording; style: 'seed' | 'real' };

function makeRecordings(ctx: TScenarioContext, n: number, seconds: number): TItem[] {
  const { genesys, cxone } = ctx.stack;
  const items: TItem[] = [];
  for (let i = 0; i < n; i++) {
    const seed = ctx.seed + i;
    if (i % 3 === 2) items.push({ sim: cxone, rec: cxone.addRecording({ seconds, seed }), style: 'seed' });
    else items.push({ sim: genesys, rec: genesys.addRecording({ seconds, seed }), style: i % 3 === 0 ? 'seed' : 'real' });
  }
  return items;
}

/** Polls `check` until it holds or the deadline passes; false when it never held (the caller decides). */
async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

async function archivedCount(ctx: TScenarioContext, items: TItem[]): Promise<number> {
  const statuses = await recordingStatuses(
    ctx.db,
    items.map((i) => i.rec.id),
  );
  return [...statuses.values()].filter((s) => s === 'ARCHIVED').length;
}

async function outage(
  ctx: TScenarioContext,
  target: 'pgProxy' | 's3Proxy',
): Promise<{ recordings: TSimRecording[]; faultClearedAt: number }> {
  const items = makeRecordings(ctx, ctx.sizes.recordings, ctx.sizes.seconds);
  // Deliveries keep arriving through the outage and after it, as calls keep ending.
  const storm = ctx.ledger.storm(items, ctx.sizes.duplicates, ctx.sizes.outageSeconds * 2000);
  // Cut once deliveries are being accepted, whatever state the pipeline is in.
  await until(async () => ctx.ledger.accepted.size >= 1, 60_000);
  ctx.stack[target].cut();
  try {
    await sleep(ctx.sizes.outageSeconds * 1000);
  } finally {
    ctx.stack[target].restore();
  }
  const faultClearedAt = Date.now();
  await storm;
  return { recordings: items.map((i) => i.rec), faultClearedAt };
}

function plain(name: string, arm: (ctx: TScenarioContext, n: number) => void, duplicates?: number): TScenario {
  return {
    name,
    async run(ctx) {
      const items = makeRecordings(ctx, ctx.sizes.recordings, ctx.sizes.seconds);
      arm(ctx, items.length);
      await ctx.ledger.storm(items, duplicates ?? 1);
      return { recordings: items.map((i) => i.rec), faultClearedAt: Date.now() };
    },
  };
}

const sims = (ctx: TScenarioContext) => [ctx.stack.genesys, ctx.stack.cxone];

export const SCENARIOS: TScenario[] = [
  plain('redelivery storm', () => undefined, 5),
  {
    name: 'FLUSHDB mid-storm',
    async run(ctx) {
      const items = makeRecordings(ctx, ctx.sizes.recordings, ctx.sizes.seconds);
      const storm = ctx.ledger.storm(items, ctx.sizes.duplicates);
      const midway = await until(async () => (await archivedCount(ctx, items)) >= Math.ceil(items.length / 5), 120_000);
      const redis = new Redis(ctx.stack.redisUrl);
      // The stack's own db index only: other databases on this Redis belong to others.
      await redis.flushdb();
      await redis.quit();
      const faultClearedAt = Date.now();
      await storm;
      return { recordings: items.map((i) => i.rec), faultClearedAt, note: midway ? undefined : 'flushed before a fifth was archived' };
    },
  },
  {
    name: 'kill -9 worker mid-upload',
    async run(ctx) {
      const since = new Date();
      const big = makeRecordings(ctx, 1, ctx.sizes.crashSeconds);
      const rest = makeRecordings({ ...ctx, seed: ctx.seed + 500 }, Math.max(2, Math.floor(ctx.sizes.recordings / 4)), ctx.sizes.seconds);
      await ctx.ledger.storm(big, 1);
      const uploading = await until(async () => (await openUploads(ctx.s3, ctx.buckets, since)) > 0, 120_000, 20);
      ctx.stack.killWorker();
      await ctx.ledger.storm(rest, ctx.sizes.duplicates);
      await ctx.stack.startWorker();
      return {
        recordings: [...big, ...rest].map((i) => i.rec),
        faultClearedAt: Date.now(),
        note: uploading ? undefined : 'no multipart upload seen before the kill',
      };
    },
  },
  { name: 'S3 outage', run: (ctx) => outage(ctx, 's3Proxy') },
  { name: 'Postgres outage', run: (ctx) => outage(ctx, 'pgProxy') },
  plain('vendor 429/5xx burst', (ctx, n) => {
    for (const sim of sims(ctx)) Object.assign(sim.faults, { rateLimitNext: n, retryAfterSeconds: 1, serverErrorNext: n });
  }),
  plain('expired media URLs', (ctx, n) => {
    for (const sim of sims(ctx)) sim.faults.expireNextMediaUrls = n;
  }),
  plain('cut streams', (ctx, n) => {
    for (const sim of sims(ctx)) Object.assign(sim.faults, { cutNextStreams: Math.ceil(n / 2), cutAfterBytes: 2048 });
  }),
];
