// Archive search against the real database: every filter, keyset pages that add up to exactly the full
// ordered result for each sort (NULL start times and durations included), totals, time-zone ranges, exports.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ZSearchFilter, type TSearchFilterInput } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { buildCountQuery } from '@/lib/recordings/build-search-query';
import { EXPORT_COLUMNS, exportSearch } from '@/lib/recordings/export-search';
import { insertSearchRows, type TSearchRow } from './search-fixtures';

const RUN_TAG = `itest-${randomUUID().slice(0, 8)}`;
type TRow = TSearchRow;
const rows: TRow[] = [];

async function allPages(input: TSearchFilterInput): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const result = await searchRecordings(ZSearchFilter.parse({ ...input, tag: RUN_TAG, limit: 4, cursor }), 'ADMIN');
    ids.push(...result.items.map((r) => r.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('pagination did not end');
}

const cmp = (a: number | null, b: number | null, desc: boolean) => {
  if (a === b) return 0;
  if (a === null) return desc ? -1 : 1; // desc: NULLs first; asc: NULLs last
  if (b === null) return desc ? 1 : -1;
  return desc ? b - a : a - b;
};

function expected(key: (r: TRow) => number | null, desc: boolean): string[] {
  return [...rows].sort((x, y) => cmp(key(x), key(y), desc) || (desc ? (x.id < y.id ? -1 : 1) : x.id < y.id ? 1 : -1)).map((r) => r.id);
}

beforeAll(async () => {
  rows.push(...(await insertSearchRows(RUN_TAG, 23)));
});

afterAll(async () => {
  await db().$disconnect();
});

describe('keyset pagination', () => {
  const start = (r: TRow) => r.startTime?.getTime() ?? null;
  it.each([
    ['startTime_desc', start, true],
    ['startTime_asc', start, false],
    ['duration_desc', (r: TRow) => r.duration, true],
    ['duration_asc', (r: TRow) => r.duration, false],
    // Vendors sort in the enum's order (Genesys before CXone), regions alphabetically.
    ['vendor_desc', (r: TRow) => (r.vendor === 'GENESYS_CLOUD' ? 0 : 1), true],
    ['vendor_asc', (r: TRow) => (r.vendor === 'GENESYS_CLOUD' ? 0 : 1), false],
    ['region_desc', (r: TRow) => (r.region === 'eu' ? 0 : 1), true],
    ['region_asc', (r: TRow) => (r.region === 'eu' ? 0 : 1), false],
  ] as const)('%s pages add up to the full ordered list', async (sort, key, desc) => {
    const ids = await allPages({ sort });
    expect(ids).toEqual(expected(key, desc));
  });
});

describe('filters', () => {
  const search = async (input: TSearchFilterInput) =>
    (await searchRecordings(ZSearchFilter.parse({ ...input, tag: [RUN_TAG, ...[input.tag ?? []].flat()] }), 'ADMIN')).items;

  it('filters by vendor, direction, status, region, legal hold and tags', async () => {
    expect((await search({ vendor: 'NICE_CXONE' })).every((r) => r.vendorSource === 'NICE_CXONE')).toBe(true);
    expect(await search({ vendor: 'NICE_CXONE' })).toHaveLength(11);
    expect(await search({ direction: 'OUTBOUND' })).toHaveLength(8);
    expect(await search({ status: 'QUARANTINED' })).toHaveLength(5);
    expect(await search({ region: 'eu' })).toHaveLength(11);
    expect(await search({ legalHold: 'true' })).toHaveLength(6);
    expect(await search({ tag: 'hipaa' })).toHaveLength(11);
    expect(await search({ tag: ['hipaa', 'pci-scoped'] })).toHaveLength(0);
  });

  it('filters by an inclusive UTC day range and excludes unknown start times', async () => {
    const items = await search({ from: '2026-01-02', to: '2026-01-03' });
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) expect(['2026-01-02', '2026-01-03']).toContain(r.startTime?.slice(0, 10));
    const inRange = rows.filter(
      (r) => r.startTime && r.startTime >= new Date('2026-01-02T00:00:00Z') && r.startTime < new Date('2026-01-04T00:00:00Z'),
    );
    expect(items).toHaveLength(inRange.length);
  });

  it('finds participants by agent name and by customer number however it is written', async () => {
    expect(await search({ agent: 'smith1' })).toHaveLength(8);
    const byNumber = await search({ customer: '+1 555 010 0007' });
    expect(byNumber.map((r) => r.vendorRecordingId)).toEqual([`${RUN_TAG}-rec-7`]);
    expect(await search({ customer: 'agent-1' })).toHaveLength(0); // customer filter never matches agents
    expect(await search({ q: `${RUN_TAG}-rec-12` })).toHaveLength(1);
    expect(await search({ q: '100%' })).toHaveLength(0); // a LIKE wildcard is a literal here
  });

  it('masks customer numbers for roles without clear access', async () => {
    const filter = ZSearchFilter.parse({ tag: RUN_TAG, q: `${RUN_TAG}-rec-7` });
    const [forAuditor] = (await searchRecordings(filter, 'AUDITOR')).items;
    const [forOfficer] = (await searchRecordings(filter, 'OFFICER')).items;
    expect(forOfficer?.participants[1]?.identifier).toBe('+15550100007');
    expect(forAuditor?.participants[1]).toMatchObject({ identifier: '+1555•••0007', masked: true });
    expect(JSON.stringify(forAuditor)).not.toContain('5550100007');
  });
});

describe('totals, time zones and exports', () => {
  it('counts every match on the first page, exactly below the bound and as "more than" above it', async () => {
    const first = await searchRecordings(ZSearchFilter.parse({ tag: RUN_TAG, limit: 4 }), 'ADMIN');
    expect(first.total).toEqual({ count: 23, exact: true });
    const second = await searchRecordings(ZSearchFilter.parse({ tag: RUN_TAG, limit: 4, cursor: first.nextCursor }), 'ADMIN');
    expect(second.total).toBeNull();
    expect((await searchRecordings(ZSearchFilter.parse({ tag: RUN_TAG, region: 'eu' }), 'ADMIN')).total).toEqual({
      count: 11,
      exact: true,
    });
    const [bounded] = await db().$queryRaw<{ n: number }[]>(buildCountQuery(ZSearchFilter.parse({ tag: RUN_TAG }), 5));
    expect(bounded?.n).toBe(6); // stops one past the bound
  });

  it("reads a date-time range in the viewer's zone unless the filter names one", async () => {
    // 19:00-19:01 on Jan 2 in Tokyo (UTC+9) is 10:00-10:02 UTC; in UTC that range finds nothing.
    const range = { tag: RUN_TAG, from: '2026-01-02T19:00', to: '2026-01-02T19:01' };
    const inTokyo = (await searchRecordings(ZSearchFilter.parse(range), { role: 'OFFICER', timeZone: 'Asia/Tokyo' })).items;
    const expectedIds = rows
      .filter((r) => r.startTime && r.startTime >= new Date('2026-01-02T10:00:00Z') && r.startTime < new Date('2026-01-02T10:02:00Z'))
      .map((r) => r.id);
    expect(expectedIds.length).toBeGreaterThan(0);
    expect(inTokyo.map((r) => r.id).sort()).toEqual(expectedIds.sort());
    expect((await searchRecordings(ZSearchFilter.parse(range), { role: 'OFFICER', timeZone: 'UTC' })).items).toHaveLength(0);
    expect(
      (await searchRecordings(ZSearchFilter.parse({ ...range, tz: 'Asia/Tokyo' }), { role: 'OFFICER', timeZone: 'UTC' })).items,
    ).toHaveLength(expectedIds.length);
  });

  it("refuses an unknown region with a readable 400, and a masked role's phone filters", async () => {
    await expect(searchRecordings(ZSearchFilter.parse({ region: 'mars' }), 'ADMIN')).rejects.toMatchObject({
      code: 'bad_request',
      message: 'Unknown region "mars": this archive stores us, eu',
    });
    expect(ZSearchFilter.safeParse({ region: '(eu|us)' }).error?.issues[0]?.message).toBe(
      'Region is a residency region code such as "us" or "eu"',
    );
    await expect(searchRecordings(ZSearchFilter.parse({ q: '(555) 010-0007' }), 'AUDITOR')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports the search as CSV masked for the role, audited with filter and row count before it streams', async () => {
    const u = await db().user.create({
      data: { email: `it-export-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role: 'AUDITOR' },
    });
    const auditor = { id: u.id, email: u.email, role: u.role, name: u.name, regions: [], timeZone: 'UTC', sessionId: randomUUID() };
    const {
      rows: count,
      truncated,
      body,
    } = await exportSearch(ZSearchFilter.parse({ tag: RUN_TAG, region: 'us', sort: 'duration_asc' }), auditor, 'csv');
    expect({ count, truncated }).toEqual({ count: 12, truncated: false });
    await flushAuditSequencer();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'access.search_exported', actorId: u.id } });
    expect(entry.details).toMatchObject({ format: 'csv', rows: 12, truncated: false, filters: { region: 'us', tag: [RUN_TAG] } });
    const text = await new Response(body).text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(13);
    expect(text).toContain('+1555•••0000');
    expect(text).not.toMatch(/5550100\d{3}/);
    const json = JSON.parse(
      await new Response(
        (await exportSearch(ZSearchFilter.parse({ tag: RUN_TAG, region: 'us' }), { ...auditor, role: 'OFFICER' }, 'json')).body,
      ).text(),
    ) as { customers: string }[];
    expect(json).toHaveLength(12);
    expect(json.map((r) => r.customers)).toContain('+15550100000');
  });
});
