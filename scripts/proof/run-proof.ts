// The fault-injection suite: starts its own stack, runs every scenario, and prints the accounting per
// scenario (see docs/benchmarks/faults.md). `npm run proof` runs the full sizes; `--short` the small ones
// `npm test` uses. Exit status 1 when any scenario lost an accepted delivery or stored a duplicate version.
//   npm run proof [-- --short] [-- --only "S3 outage"] [-- --json out.json]
import { S3Client } from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { countOutcome, givenUp, recordingStatuses, type TOutcome } from './count-outcome';
import { Ledger } from './ledger';
import { SCENARIOS, type TSizes } from './scenarios';
import { startStack } from './stack';

export type TScenarioResult = TOutcome & {
  scenario: string;
  refused: number;
  recoverySeconds: number | null;
  note?: string;
  /** Lost when the whole run ended (late recoveries). */ lostAtEnd?: number;
};

const SIZES: Record<'full' | 'short', TSizes & { settleSeconds: number; idleSeconds: number }> = {
  full: { recordings: 150, duplicates: 5, outageSeconds: 60, seconds: 10, crashSeconds: 1800, settleSeconds: 300, idleSeconds: 120 },
  short: { recordings: 12, duplicates: 3, outageSeconds: 8, seconds: 2, crashSeconds: 900, settleSeconds: 120, idleSeconds: 30 },
};

const TIMINGS = { ARCHIVE_DEADLINE_MINUTES: '1', SWEEP_INTERVAL_SECONDS: '10' };

function s3Direct(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: process.env.S3_REGION ?? 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '' },
  });
}

type TSettle = { ids: string[]; ledger: Ledger; db: pg.Pool; settleMs: number; idleMs: number };

/** Waits until every accepted recording is ARCHIVED or QUARANTINED (redelivering refused events meanwhile).
 *  Gives up at settleMs, or earlier when nothing has settled for idleMs and every recording still open has
 *  given up (FAILED or dead-lettered). Returns when the last one settled, null when they did not all settle. */
async function settle(o: TSettle): Promise<number | null> {
  const deadline = Date.now() + o.settleMs;
  let settled = -1;
  let lastChange = Date.now();
  for (;;) {
    await o.ledger.redeliverDue();
    const accepted = o.ids.filter((id) => o.ledger.accepted.has(id));
    const statuses = await recordingStatuses(o.db, accepted);
    const now = [...statuses.values()].filter((s) => s === 'ARCHIVED' || s === 'QUARANTINED').length;
    if (now !== settled) [settled, lastChange] = [now, Date.now()];
    if (now === accepted.length && o.ledger.unaccepted === 0) return Date.now();
    if (Date.now() > deadline) return null;
    if (Date.now() - lastChange > o.idleMs && o.ledger.unaccepted === 0) {
      const open = accepted.filter((id) => !['ARCHIVED', 'QUARANTINED'].includes(statuses.get(id) ?? ''));
      if ((await givenUp(o.db, open)).size === open.length) return null;
    }
    await sleep(250);
  }
}

export async function runProof(opts: {
  short: boolean;
  only?: string;
  redisDb: number;
  postgresUrl: string;
  log?: (line: string) => void;
}): Promise<TScenarioResult[]> {
  const sizes = SIZES[opts.short ? 'short' : 'full'];
  const log = opts.log ?? ((l: string) => console.log(l));
  const logDir = join(tmpdir(), `callvault-proof-${Date.now()}`);
  const redis = new Redis(`redis://127.0.0.1:6379/${opts.redisDb}`);
  await redis.flushdb();
  await redis.quit();
  const stack = await startStack({ redisDb: opts.redisDb, postgresUrl: opts.postgresUrl, env: TIMINGS, logDir });
  log(
    `stack ${stack.runId}: database via proxy :${stack.pgProxy.port}, S3 via proxy :${stack.s3Proxy.port}, redis db ${opts.redisDb}, buckets ${stack.bucketPrefix}-*, logs ${logDir}`,
  );
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
  const s3 = s3Direct(stack.s3Endpoint);
  const buckets = ['us', 'eu'].map((r) => `${stack.bucketPrefix}-recordings-${r}`);
  const results: TScenarioResult[] = [];
  const finals: (() => Promise<void>)[] = [];
  try {
    let seed = 1;
    for (const scenario of SCENARIOS.filter((s) => !opts.only || s.name.includes(opts.only))) {
      const ledger = new Ledger(stack.webhookUrl);
      const started = Date.now();
      const since = new Date(started);
      let ran: Awaited<ReturnType<typeof scenario.run>>;
      try {
        ran = await scenario.run({ stack, ledger, db, s3, buckets, sizes, seed });
      } catch (error) {
        log(`${scenario.name}: harness error ${String(error)}`);
        continue;
      }
      const { recordings, faultClearedAt, note } = ran;
      seed += 1000;
      const settledAt = await settle({
        ids: recordings.map((r) => r.id),
        ledger,
        db,
        settleMs: sizes.settleSeconds * 1000,
        idleMs: sizes.idleSeconds * 1000,
      });
      const outcome = await countOutcome(
        db,
        s3,
        buckets,
        recordings,
        new Set(ledger.accepted.keys()),
        { genesys: stack.genesys, cxone: stack.cxone },
        since,
      );
      const result: TScenarioResult = {
        scenario: scenario.name,
        ...outcome,
        refused: ledger.refused(),
        recoverySeconds: settledAt === null ? null : Math.round((settledAt - faultClearedAt) / 100) / 10,
        note,
      };
      results.push(result);
      const accepted = new Set(ledger.accepted.keys());
      finals.push(async () => {
        result.lostAtEnd = (
          await countOutcome(db, s3, buckets, recordings, accepted, { genesys: stack.genesys, cxone: stack.cxone }, since)
        ).lost;
      });
      log(
        `${scenario.name}: ${JSON.stringify({ ...result, lostIds: result.lostIds.slice(0, 5) })} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    for (const recount of finals) await recount();
  } finally {
    await db.end();
    await stack.stop();
  }
  return results;
}

export function formatTable(results: TScenarioResult[]): string {
  const head = [
    'scenario',
    'accepted',
    'archived once',
    'quarantined',
    'failed',
    'lost',
    'lost at end of run',
    'dup versions',
    'orphan uploads',
    'downloads done/started',
    'refused (redelivered)',
    'recovery s',
  ];
  const rows = results.map((r) =>
    [
      r.scenario,
      r.accepted,
      r.archivedOnce,
      r.quarantined,
      r.failed,
      r.lost,
      r.lostAtEnd ?? '—',
      r.duplicateVersions,
      r.orphanUploads,
      `${r.downloads}/${r.downloadStarts}`,
      r.refused,
      r.recoverySeconds ?? 'not recovered',
    ].map(String),
  );
  const lines = [head, head.map(() => '---'), ...rows].map((cols) => `| ${cols.join(' | ')} |`);
  const reasons = results.filter((r) => r.reasons.length).map((r) => `- ${r.scenario}: ${r.reasons.join('; ')}`);
  return [...lines, ...(reasons.length ? ['', 'Reasons:', ...reasons] : [])].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { short: { type: 'boolean', default: false }, only: { type: 'string' }, json: { type: 'string' } },
  });
  const base = process.env.PROOF_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const results = await runProof({
    short: values.short ?? false,
    only: values.only,
    redisDb: Number(process.env.PROOF_REDIS_DB ?? 13),
    postgresUrl: base,
  });
  console.log(`\n${formatTable(results)}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
  const bad = results.filter((r) => r.lost > 0 || r.duplicateVersions > 0);
  process.exit(bad.length ? 1 : 0);
}

if (process.argv[1]?.endsWith('run-proof.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(2);
  });
}
