// Archive search: one keyset-paginated SQL query for the page's ids, then the rows with participants. The
// first page also carries the total: exact up to SEARCH_COUNT_BOUND, above it "more than" that bound (a
// lower bound, never a guess). A masked role cannot filter by customer identifiers, and a region-scoped
// user only finds their regions' recordings.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { DEFAULT_TIME_ZONE } from '@/lib/format/zoned-time';
import { assertSearchAllowed } from '@/lib/recordings/assert-search-allowed';
import { buildCountQuery, buildSearchQuery, type TSearchScope } from '@/lib/recordings/build-search-query';
import { decodeCursor, encodeCursor } from '@/lib/recordings/search-cursor';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { toListItem } from '@/lib/recordings/to-list-item';
import type { TSearchResult, TSearchTotal } from '@/lib/recordings/types';

/** Totals above this are reported as "more than 10,000" (counting a million rows per search is not free). */
export const SEARCH_COUNT_BOUND = 10_000;

type TKeyRow = { id: string; startTime: Date | null; sortValue: string | null };

export type TViewer = { role: TRole; regions?: readonly string[]; timeZone?: string };

export function searchScope(viewer: TRole | TViewer): { role: TRole; scope: TSearchScope } {
  const { role, regions = [], timeZone = DEFAULT_TIME_ZONE } = typeof viewer === 'string' ? { role: viewer } : viewer;
  return { role, scope: { masked: !can(role, 'identifiers.unmasked'), regions, timeZone, phoneRegion: env().PHONE_DEFAULT_REGION } };
}

async function countMatches(filter: TSearchFilter, scope: TSearchScope): Promise<TSearchTotal> {
  const [row] = await db().$queryRaw<{ n: number }[]>(buildCountQuery(filter, SEARCH_COUNT_BOUND, scope));
  const n = row?.n ?? 0;
  return n > SEARCH_COUNT_BOUND ? { count: SEARCH_COUNT_BOUND, exact: false } : { count: n, exact: true };
}

export async function searchRecordings(filter: TSearchFilter, viewer: TRole | TViewer): Promise<TSearchResult> {
  const { role, scope } = searchScope(viewer);
  assertSearchAllowed(filter, scope.masked);
  const cursor = filter.cursor ? decodeCursor(filter.cursor, filter.sort) : null;
  const [keys, total] = await Promise.all([
    db().$queryRaw<TKeyRow[]>(buildSearchQuery(filter, cursor, scope)),
    cursor ? null : countMatches(filter, scope),
  ]);
  const page = keys.slice(0, filter.limit);
  const rows = await db().recording.findMany({ where: { id: { in: page.map((k) => k.id) } }, include: { participants: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = page.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [toListItem(row, role)] : [];
  });
  const last = page.at(-1);
  const hasMore = keys.length > filter.limit && last !== undefined;
  const value = filter.sort.startsWith('startTime') ? (last?.startTime?.toISOString() ?? null) : (last?.sortValue ?? null);
  return { items, nextCursor: hasMore ? encodeCursor({ sort: filter.sort, value, id: last.id }) : null, total };
}
