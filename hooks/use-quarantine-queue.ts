'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQuarantineQueue } from '@/lib/recordings/list-quarantine-queue';

export const QUARANTINE_REFRESH_MS = 10_000;

export const quarantineQueueKey = (state: string) => ['quarantine-cases', { state }] as const;

/** The review queue for one state; refreshes on its own so new cases appear without a reload. */
export function useQuarantineQueue(state: string) {
  return useInfiniteQuery({
    queryKey: quarantineQueueKey(state),
    initialPageParam: null as string | null,
    refetchInterval: QUARANTINE_REFRESH_MS,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ take: '20' });
      if (state !== 'ALL') params.set('state', state);
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch<TQuarantineQueue>(`/api/quarantine?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
