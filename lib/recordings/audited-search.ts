// A console user's archive search, written to the audit trail with its filters and result count
// (access logging: a compliance team must be able to say who searched for what). A customer number typed
// as a filter is kept masked plus its SHA-256: the trail (and every audit export) holds no number in
// clear, yet an investigator can confirm which number was searched by hashing it.
import { createHash } from 'node:crypto';
import { recordAccess } from '@/lib/audit/record-access';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { PHONE_LIKE } from '@/lib/recordings/build-search-query';
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';
import type { TSearchResult } from '@/lib/recordings/types';

function protectValue(value: string): { masked: string; digitsSha256: string } {
  const digits = value.replace(/\D/g, '');
  return { masked: maskIdentifier(value), digitsSha256: createHash('sha256').update(digits).digest('hex') };
}

/** The filter as the audit trail keeps it: set values only, customer numbers masked plus their digest. */
export function auditedFilters(filter: Partial<TSearchFilter>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([k, v]) => k !== 'cursor' && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => (typeof v === 'string' && (k === 'customer' || (k === 'q' && PHONE_LIKE.test(v))) ? [k, protectValue(v)] : [k, v])),
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
