// Archive search: one keyset-paginated SQL query for the page's ids, then the rows with participants.
// A role that sees customer identifiers masked cannot filter by them (a filter is an oracle: result counts
// would reveal a number digit by digit), and a region-scoped user only finds their regions' recordings.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { buildSearchQuery, PHONE_LIKE } from '@/lib/recordings/build-search-query';
import { decodeCursor, encodeCursor } from '@/lib/recordings/search-cursor';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { toListItem } from '@/lib/recordings/to-list-item';
import type { TSearchResult } from '@/lib/recordings/types';

type TKeyRow = { id: string; startTime: Date | null; durationSeconds: string | null };

export type TViewer = { role: TRole; regions?: readonly string[] };

function assertAllowedFilter(filter: TSearchFilter, masked: boolean): void {
  if (!masked) return;
  if (filter.customer) throw new AppError('forbidden', 'Customer identifiers are masked for your role, so you cannot search by them');
  if (filter.q && PHONE_LIKE.test(filter.q)) throw new AppError('forbidden', 'Customer identifiers are masked for your role, so you cannot search for a phone number');
}

export async function searchRecordings(filter: TSearchFilter, viewer: TRole | TViewer): Promise<TSearchResult> {
  const { role, regions = [] } = typeof viewer === 'string' ? { role: viewer } : viewer;
  const masked = !can(role, 'identifiers.unmasked');
  assertAllowedFilter(filter, masked);
  const cursor = filter.cursor ? decodeCursor(filter.cursor, filter.sort) : null;
  const keys = await db().$queryRaw<TKeyRow[]>(buildSearchQuery(filter, cursor, { masked, regions }));
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
