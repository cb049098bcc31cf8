// Audit append throughput: 8 concurrent writers append through appendAuditEntries (journal, no lock)
// while the audit sequencer chains in the background, in a throwaway database
// (<DATABASE_URL's name>_bench_audit_test). Two shapes: one entry per call (a web request's entry)
// and five per call (one archive step's entries in one statement). Prints one JSON line: entries/s
// committed by the writers, entries/s chained (first append → last entry chained), the chain lag at
// the end, and the verification of the whole chain afterwards. Not part of the tests.
//
//   node --import tsx scripts/bench/audit-append.ts [--seconds 10] [--writers 8]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { journalAuditEntries } from '@/lib/audit/append-audit-entry';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createPrismaClient, type Db } from '@/lib/db';
import { startAuditSequencer } from '@/workers/processors/audit-sequencer';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, writers: { type: 'string', default: '8' } } });
const SECONDS = Number(values.seconds);
const WRITERS = Number(values.writers);

function benchUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/callvault');
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1)).replace(/_test$/, '')}_bench_audit_test`;
  return url.toString();
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the sequencer');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function run(client: Db, perCall: number): Promise<Record<string, number>> {
  const before = await client.auditEntry.count();
  const started = performance.now();
  const stopAt = started + SECONDS * 1000;
  let written = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; performance.now() < stopAt; i++) {
        const step = Array.from({ length: perCall }, (_, k) => ({
          actorType: 'worker' as const,
          actorId: `bench-${w}`,
          action: 'bench.append',
          subjectType: 'recording',
          subjectId: `r-${w}-${i}`,
          details: { i, k },
        }));
        await journalAuditEntries(step, client);
        written += perCall;
      }
    }),
  );
  const writeSeconds = (performance.now() - started) / 1000;
  const pendingAtEnd = await client.auditJournal.count();
  const drainStart = performance.now();
  await until(async () => (await client.auditJournal.count()) === 0, 120_000);
  const chainedSeconds = (performance.now() - started) / 1000;
  const chained = (await client.auditEntry.count()) - before;
  if (chained !== written) throw new Error(`wrote ${written} entries but ${chained} were chained`);
  return {
    entriesPerCall: perCall,
    entries: written,
    writtenPerSecond: Math.round(written / writeSeconds),
    chainedPerSecond: Math.round(chained / chainedSeconds),
    pendingAtEnd,
    drainMs: Math.round(performance.now() - drainStart),
  };
}

const url = benchUrl();
const reset = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db/migrate.ts', 'reset'], {
  env: { ...process.env, DATABASE_URL: url },
  encoding: 'utf8',
});
if (reset.status !== 0) throw new Error(`migrate reset failed: ${reset.stderr}`);
process.env.DATABASE_URL = url;
const client = createPrismaClient(url);
const sequencer = startAuditSequencer({ connectionString: url });
try {
  const single = await run(client, 1);
  const step = await run(client, 5);
  const verifyStart = performance.now();
  const verified = await verifyAuditChain({ client });
  console.log(
    JSON.stringify({
      bench: 'audit-append',
      writers: WRITERS,
      secondsPerRun: SECONDS,
      single,
      step,
      verify: {
        ok: verified.ok,
        entries: verified.entries,
        pending: verified.pending.entries,
        seconds: Number(((performance.now() - verifyStart) / 1000).toFixed(1)),
      },
    }),
  );
  if (!verified.ok) process.exitCode = 1;
} finally {
  await sequencer.stop();
  await client.$disconnect();
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres', search: '' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`);
  await admin.end();
}
