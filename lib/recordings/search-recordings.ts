// Archive search: one keyset-paginated SQL query for the page's ids, then the rows with participants.
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { buildSearchQuery } from '@/lib/recordings/build-search-query';
import { decodeCursor, encodeCursor } from '@/lib/recordings/search-cursor';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { toListItem } from '@/lib/recordings/to-list-item';
import type { TSearchResult } from '@/lib/recordings/types';

type TKeyRow = { id: string; startTime: Date | null; durationSeconds: string | null };

export async function searchRecordings(filter: TSearchFilter, role: TRole): Promise<TSearchResult> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor, filter.sort) : null;
  const keys = await db().$queryRaw<TKeyRow[]>(buildSearchQuery(filter, cursor));
  const page = keys.slice(0, filter.limit);
  const rows = await db().recording.findMany({ where: { id: { in: page.map((k) => k.id) } }, include: { participants: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = page.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [toListItem(row, role)] : [];
  });
  const last = page.at(-1);
  const hasMore = keys.length > filter.limit && last !== undefined;
  const value = filter.sort.startsWith('startTime') ? (last?.startTime?.toISOString() ?? null) : (last?.durationSeconds ?? null);
  return { items, nextCursor: hasMore ? encodeCursor({ sort: filter.sort, value, id: last.id }) : null };
}
