// A console user's archive search, written to the audit trail with its filters and result count
// (access logging: a compliance team must be able to say who searched for what).
import { recordAccess } from '@/lib/auth/record-access';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
import type { TSearchResult } from '@/lib/recordings/types';

export async function auditedSearch(filter: TSearchFilter, user: TSessionUser): Promise<TSearchResult> {
  const result = await searchRecordings(filter, user);
  const filters = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'cursor' && v !== undefined && !(Array.isArray(v) && v.length === 0)));
  await recordAccess(user, 'access.search', { type: 'search', id: 'recordings' }, { filters, page: filter.cursor ? 'next' : 'first', resultCount: result.items.length, more: result.nextCursor !== null });
  return result;
}
