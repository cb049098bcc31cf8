'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import { filterToParams, type TSearchFilter } from '@/lib/recordings/search-filter';
import type { TSearchResult } from '@/lib/recordings/types';

export type TSearchQueryFilter = Omit<TSearchFilter, 'cursor'>;

/** Archive search, page by page along the server's keyset cursor. */
export function useRecordingSearch(filter: TSearchQueryFilter | null) {
  return useInfiniteQuery({
    queryKey: ['recordings', { filter: filter ?? {} }],
    enabled: filter !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = filterToParams({ ...filter, cursor: pageParam ?? undefined });
      return apiFetch<TSearchResult>(`/api/recordings?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
