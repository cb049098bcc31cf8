// A console user's archive search, written to the audit trail with its filters and result count
// (access logging: a compliance team must be able to say who searched for what). The filters are free
// text of the search entry: the audit writer masks a customer number (always, as typed) and any number
// in the text query, keeping a salted commitment beside each and the original outside the trail
// (lib/audit/minimise-audit-details.ts). The trail (and every audit export) holds no number in clear,
// yet a role that sees identifiers can show which number was searched and that it matches the trail.
import { recordAccess } from '@/lib/audit/record-access';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
import type { TSearchResult } from '@/lib/recordings/types';

/** The filter as the audit writer receives it: set values only (it masks the free text itself). */
export function auditedFilters(filter: Partial<TSearchFilter>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(([k, v]) => k !== 'cursor' && v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

export async function auditedSearch(filter: TSearchFilter, user: TSessionUser): Promise<TSearchResult> {
  const result = await searchRecordings(filter, user);
  const filters = auditedFilters(filter);
  await recordAccess(
    user,
    'access.search',
    { type: 'search', id: 'recordings' },
    {
      filters,
      page: filter.cursor ? 'next' : 'first',
      resultCount: result.items.length,
      more: result.nextCursor !== null,
      total: result.total,
    },
  );
  return result;
}
