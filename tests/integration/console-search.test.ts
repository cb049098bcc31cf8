// Archive search against the real database: every filter, and keyset pages that add up to exactly
// the full ordered result for each sort (NULL start times and durations included).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ZSearchFilter, type TSearchFilterInput } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
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
  ] as const)('%s pages add up to the full ordered list', async (sort, key, desc) => {
    const ids = await allPages({ sort });
    expect(ids).toEqual(expected(key, desc));
  });
});

describe('filters', () => {
  const search = async (input: TSearchFilterInput) => (await searchRecordings(ZSearchFilter.parse({ ...input, tag: [RUN_TAG, ...[input.tag ?? []].flat()] }), 'ADMIN')).items;

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
    const inRange = rows.filter((r) => r.startTime && r.startTime >= new Date('2026-01-02T00:00:00Z') && r.startTime < new Date('2026-01-04T00:00:00Z'));
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
