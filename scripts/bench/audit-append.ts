// Audit append throughput: 8 concurrent writers append through appendAuditEntries (journal, no lock)
// while the audit sequencer chains in the background, in a throwaway database
// (<DATABASE_URL's name>_bench_audit_test). Two shapes: one entry per call (a web request's entry)
// and five per call (one archive step's entries in one statement). Prints one JSON line: entries/s
// committed by the writers, entries/s chained (first append → last entry chained), the chain lag at
// the end, and the verification of the whole chain afterwards. Not part of the tests.
//
//   node --import tsx scripts/bench/audit-append.ts [--seconds 10] [--writers 8]
import { parseArgs } from 'node:util';
import { journalAuditEntries } from '@/lib/audit/append-audit-entry';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createPrismaClient, type Db } from '@/lib/db';
import { startAuditSequencer } from '@/workers/processors/audit-sequencer';
import { throwawayDatabase } from '@/tests/support/throwaway-database';
import { waitFor } from '@/tests/support/wait-for';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, writers: { type: 'string', default: '8' } } });
const SECONDS = Number(values.seconds);
const WRITERS = Number(values.writers);

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
  await waitFor('the sequencer to chain every entry', async () => (await client.auditJournal.count()) === 0, 120_000, 10);
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

const scratch = throwawayDatabase('bench_audit');
const url = scratch.url;
await scratch.create();
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
  await scratch.drop();
}
