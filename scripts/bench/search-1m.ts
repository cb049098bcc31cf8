// Archive search on 1,000,000 recordings: builds a throwaway database from the migrations, bulk-loads
// synthetic recordings (2 participants each), then prints EXPLAIN ANALYZE timings of the console's own
// search SQL (lib/recordings/build-search-query.ts) for the main filter combinations, first page and deep page.
//
//   node --import tsx scripts/bench/search-1m.ts [--rows 1000000] [--keep]
//
// Env: DATABASE_URL names the server (its database is NOT touched; the bench uses callvault_search_bench_test).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, withDatabase } from '@/scripts/db/pg-admin';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } });
const ROWS = Number(values.rows);
const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const benchUrl = withDatabase(server, 'callvault_search_bench_test');
// Set before lib/ is loaded: env() and db() read it lazily on first use.
process.env.DATABASE_URL = benchUrl;

function migrate(): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db/migrate.ts', 'reset'], { env: process.env, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('migration of the bench database failed');
}

/** Secondary indexes are dropped for the bulk load and rebuilt after (as a restore would). */
async function secondaryIndexes(c: pg.Client): Promise<{ name: string; def: string }[]> {
  const res = await c.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Recording','Participant') AND indexname NOT LIKE '%_pkey'
       AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  return res.rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
}

const LOAD_RECORDINGS = `
INSERT INTO "Recording" (id, "archiveId", "vendorSource", "vendorRecordingId", "interactionId", "startTime", "endTime",
  "durationSeconds", "measuredDurationSeconds", direction, "complianceTags", "dataResidencyRegion", "legalHold", status,
  "searchText", "mediaFormat", "updatedAt")
SELECT md5('r' || g)::uuid, 'arch-' || g, (CASE WHEN g % 2 = 0 THEN 'genesys-cloud' ELSE 'nice-cxone' END)::"VendorSource",
  'rec-' || g, 'int-' || g, t, t + make_interval(secs => d), d, d - (CASE WHEN g % 50 = 0 THEN 5 ELSE 0 END),
  (ARRAY['INBOUND','OUTBOUND','INTERNAL'])[1 + g % 3]::"CallDirection",
  CASE WHEN g % 10 = 0 THEN ARRAY['pci-scoped','finra-retention-6yr'] WHEN g % 10 < 4 THEN ARRAY['finra-retention-6yr'] WHEN g % 97 = 0 THEN ARRAY['hipaa'] ELSE ARRAY['mifid-ii'] END,
  CASE WHEN g % 3 = 0 THEN 'eu' ELSE 'us' END, g % 200 = 0,
  (CASE WHEN g % 50 = 0 THEN 'QUARANTINED' WHEN g % 101 = 0 THEN 'FAILED' ELSE 'ARCHIVED' END)::"RecordingStatus",
  'arch-' || g || ' rec-' || g || ' agent-' || (g % 1000) || ' agent name ' || (g % 1000) || ' +1555' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'),
  'wav', now()
FROM (SELECT g, timestamptz '2024-01-01' + make_interval(secs => (g * 63.113)::int) AS t, (30 + (g * 37) % 1800)::numeric AS d
      FROM generate_series(1, $1::int) g) s`;

const LOAD_PARTICIPANTS = `
INSERT INTO "Participant" (id, "recordingId", position, role, identifier, "displayName")
SELECT md5('pa' || g)::uuid, md5('r' || g)::uuid, 0, 'AGENT'::"ParticipantRole", 'agent-' || (g % 1000), 'Agent Name ' || (g % 1000) FROM generate_series(1, $1::int) g
UNION ALL
SELECT md5('pc' || g)::uuid, md5('r' || g)::uuid, 1, 'CUSTOMER'::"ParticipantRole", '+1555' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'), NULL FROM generate_series(1, $1::int) g`;

async function load(c: pg.Client): Promise<void> {
  const indexes = await secondaryIndexes(c);
  for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);
  let t = performance.now();
  await c.query(LOAD_RECORDINGS, [ROWS]);
  await c.query(LOAD_PARTICIPANTS, [ROWS]);
  console.log(`loaded ${ROWS} recordings + ${2 * ROWS} participants in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await c.query(`SET maintenance_work_mem = '256MB'`);
  for (const i of indexes) await c.query(i.def);
  await c.query('ANALYZE "Recording"; ANALYZE "Participant"');
  console.log(`rebuilt ${indexes.length} indexes + ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

export const CASES: { name: string; filter: Record<string, unknown> }[] = [
  { name: 'no filter, newest first', filter: {} },
  { name: 'date range (1 day)', filter: { from: '2025-06-10', to: '2025-06-10' } },
  { name: 'vendor + date range (1 month)', filter: { vendor: 'NICE_CXONE', from: '2025-03-01', to: '2025-03-31' } },
  { name: 'status QUARANTINED', filter: { status: 'QUARANTINED' } },
  { name: 'legal hold', filter: { legalHold: 'true' } },
  { name: 'tag pci-scoped + region eu', filter: { tag: 'pci-scoped', region: 'eu' } },
  { name: 'rare tag hipaa', filter: { tag: 'hipaa' } },
  { name: 'customer number (exact digits)', filter: { customer: '+1555' + String((123457 * 7919) % 10_000_000).padStart(7, '0') } },
  { name: 'customer number prefix + date range', filter: { customer: '+1555123', from: '2024-01-01', to: '2025-12-31' } },
  { name: 'agent id + date range (1 week)', filter: { agent: 'agent-417', from: '2025-02-01', to: '2025-02-07' } },
  { name: 'free text (recording id)', filter: { q: 'rec-654321' } },
  { name: 'free text (agent name, common)', filter: { q: 'agent name 42' } },
  { name: 'direction + status + vendor', filter: { direction: 'OUTBOUND', status: 'ARCHIVED', vendor: 'GENESYS_CLOUD' } },
  { name: 'sort by duration', filter: { sort: 'duration_desc' } },
];

async function explain(name: string, filter: Record<string, unknown>, deep: boolean): Promise<void> {
  const [{ ZSearchFilter }, { buildCountQuery, buildSearchQuery }, { searchRecordings, SEARCH_COUNT_BOUND }, { db }] = await Promise.all([
    import('@/lib/recordings/search-filter'),
    import('@/lib/recordings/build-search-query'),
    import('@/lib/recordings/search-recordings'),
    import('@/lib/db'),
  ]);
  let parsed = ZSearchFilter.parse(filter);
  if (deep) {
    // Walk 20 pages along the real cursor to measure a deep page (what OFFSET would make slow).
    for (let i = 0; i < 20; i += 1) {
      const page = await searchRecordings(parsed, 'ADMIN');
      if (!page.nextCursor) break;
      parsed = ZSearchFilter.parse({ ...filter, cursor: page.nextCursor });
    }
  }
  const { decodeCursor } = await import('@/lib/recordings/search-cursor');
  const sql = buildSearchQuery(parsed, parsed.cursor ? decodeCursor(parsed.cursor, parsed.sort) : null);
  const { Prisma } = await import('@/lib/generated/prisma/client');
  const plan = await db().$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  const lines = plan.map((p) => p['QUERY PLAN']);
  const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  // The first page's total: the bounded count query, as searchRecordings runs it beside the page query.
  const countPlan = await db().$queryRaw<{ 'QUERY PLAN': string }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${buildCountQuery(parsed, SEARCH_COUNT_BOUND)}`,
  );
  const countExec =
    countPlan
      .map((p) => p['QUERY PLAN'])
      .find((l) => l.startsWith('Execution Time'))
      ?.replace('Execution Time: ', '') ?? '?';
  const t = performance.now();
  const result = await searchRecordings(parsed, 'ADMIN');
  const total = (performance.now() - t).toFixed(1);
  const top =
    lines
      .find((l) => /Scan|Sort/.test(l))
      ?.trim()
      .replace(/^->\s*/, '')
      .replace(/\s+\(cost.*$/, '')
      .replace(/ on "Recording" r| using "\w+"/g, '') ?? '';
  const indexes =
    [...new Set(lines.flatMap((l) => [...l.matchAll(/(?:using|on) "(\w+_idx)"/g)].map((m) => m[1])))].join(', ') || 'none (sequential)';
  const totalLabel = result.total ? `${result.total.exact ? '' : '> '}${result.total.count.toLocaleString('en')}` : '(not on later pages)';
  console.log(
    `| ${name}${deep ? ' (page 21)' : ''} | ${exec} | ${deep ? '–' : countExec} | ${totalLabel} | ${total} ms | ${result.items.length} | ${top} | ${indexes} |`,
  );
}

async function main(): Promise<void> {
  migrate();
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  try {
    await load(c);
  } finally {
    await c.end();
  }
  console.log(
    '\n| query | page SQL (EXPLAIN ANALYZE) | count SQL (EXPLAIN ANALYZE) | total shown | searchRecordings() end to end | rows | top plan node | indexes used |\n|---|---|---|---|---|---|---|---|',
  );
  for (const { name, filter } of CASES) await explain(name, filter, false);
  for (const { name, filter } of [...CASES.slice(0, 4), CASES[9]!]) await explain(name, filter, true);
  const { db } = await import('@/lib/db');
  await db().$disconnect();
  if (!values.keep) await dropDatabase(benchUrl);
}

await main();
