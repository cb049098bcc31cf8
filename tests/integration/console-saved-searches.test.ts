// Saved searches against the real database: owned per user, validated like the search itself, and a
// saved filter's Prisma where-clause finds exactly the rows the archive search finds for the same viewer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import {
  createSavedSearch,
  deleteSavedSearch,
  getSavedFilter,
  listSavedSearches,
  savedSearchWhere,
  ZCreateSavedSearch,
} from '@/lib/recordings/saved-searches';
import { ZSavedFilter, ZSearchFilter, type TSearchFilterInput } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
import { searchFilterToWhere } from '@/lib/recordings/search-where';
import { insertSearchRows } from './search-fixtures';

const RUN_TAG = `itsaved-${randomUUID().slice(0, 8)}`;

async function user(role: TSessionUser['role'], extra: Partial<Pick<TSessionUser, 'regions' | 'timeZone'>> = {}): Promise<TSessionUser> {
  const u = await db().user.create({ data: { email: `it-saved-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role, ...extra } });
  return { id: u.id, email: u.email, role: u.role, name: u.name, regions: u.regions, timeZone: u.timeZone, sessionId: randomUUID() };
}

const save = (owner: TSessionUser, name: string, filter: TSearchFilterInput) =>
  createSavedSearch(ZCreateSavedSearch.parse({ name, filter: { ...filter, tag: RUN_TAG } }), owner);

beforeAll(async () => {
  await insertSearchRows(RUN_TAG, 23);
});

afterAll(async () => {
  await db().$disconnect();
});

describe('saved searches', () => {
  it('are listed, applied and deleted by their owner only', async () => {
    const officer = await user('OFFICER');
    const other = await user('OFFICER');
    const saved = await save(officer, 'EU holds', { region: 'eu', legalHold: 'true' });
    expect(saved.filter).toMatchObject({ region: 'eu', legalHold: 'true', tag: [RUN_TAG], sort: 'startTime_desc' });
    expect((await listSavedSearches(officer)).map((s) => s.name)).toEqual(['EU holds']);
    expect(await listSavedSearches(other)).toEqual([]);
    await expect(getSavedFilter(saved.id, other)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteSavedSearch(saved.id, other)).rejects.toMatchObject({ code: 'not_found' });
    await expect(save(officer, 'EU holds', { region: 'us' })).rejects.toMatchObject({ code: 'conflict' });
    await deleteSavedSearch(saved.id, officer);
    expect(await listSavedSearches(officer)).toEqual([]);
  });

  it('refuses filters the search would refuse', async () => {
    const auditor = await user('AUDITOR');
    expect(ZCreateSavedSearch.safeParse({ name: 'x', filter: { region: 'E U' } }).success).toBe(false);
    expect(ZCreateSavedSearch.safeParse({ name: 'x', filter: { from: '2026-02-30' } }).success).toBe(false);
    expect(ZCreateSavedSearch.safeParse({ name: 'x', filter: { sort: 'password_desc' } }).success).toBe(false);
    expect(ZCreateSavedSearch.safeParse({ name: 'x', filter: {}, extra: 1 }).success).toBe(false);
    await expect(save(auditor, 'unknown region', { region: 'ap' })).rejects.toMatchObject({
      code: 'bad_request',
      message: 'Unknown region "ap": this archive stores us, eu',
    });
    await expect(save(auditor, 'by number', { customer: '+1 555 010 0007' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the zone a date-time range was written in', async () => {
    const officer = await user('OFFICER', { timeZone: 'America/New_York' });
    const saved = await save(officer, 'morning', { from: '2026-01-02T05:00', to: '2026-01-02T05:01' });
    expect(saved.filter.tz).toBe('America/New_York');
    // 05:00-05:01 in New York is 10:00-10:02 UTC: the fixture's calls on Jan 2 start at 10:00-10:02.
    const ids = (
      await db().recording.findMany({
        where: await savedSearchWhere(saved.id, { ...officer, timeZone: 'Asia/Tokyo' }),
        select: { startTime: true },
      })
    ).map((r) => r.startTime?.toISOString());
    expect(ids.length).toBeGreaterThan(0);
    for (const t of ids) expect(t).toMatch(/^2026-01-02T10:0[01]:/);
  });
});

describe('a saved filter as a Prisma where-clause', () => {
  async function searchIds(filter: TSearchFilterInput, viewer: Parameters<typeof searchRecordings>[1]): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchRecordings(ZSearchFilter.parse({ ...filter, tag: RUN_TAG, limit: 100, cursor }), viewer);
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids.sort();
  }

  it.each<[string, TSearchFilterInput, Parameters<typeof searchRecordings>[1]]>([
    ['vendor and hold', { vendor: 'NICE_CXONE', legalHold: 'false' }, 'ADMIN'],
    ['status, direction, region', { status: 'ARCHIVED', direction: 'INBOUND', region: 'us' }, 'OFFICER'],
    ['customer number as typed', { customer: '(555) 010-0007' }, 'OFFICER'],
    ['agent name', { agent: 'smith2' }, 'AUDITOR'],
    ['free text, masked role', { q: 'agent-1' }, 'AUDITOR'],
    ['free text, phone', { q: '+1 555 010 0012' }, 'ADMIN'],
    ['day range in Berlin', { from: '2026-01-02', to: '2026-01-03', tz: 'Europe/Berlin' }, 'OFFICER'],
    ['region-scoped viewer', {}, { role: 'OFFICER', regions: ['eu'] }],
  ])('%s: same rows as the search', async (_label, filter, viewer) => {
    const where = searchFilterToWhere(ZSavedFilter.parse({ ...filter, tag: RUN_TAG }), viewer);
    const viaWhere = (await db().recording.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
    const viaSearch = await searchIds(filter, viewer);
    expect(viaSearch.length).toBeGreaterThan(0);
    expect(viaWhere).toEqual(viaSearch);
  });
});
