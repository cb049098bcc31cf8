'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQuarantineQueue } from '@/lib/quarantine/list-quarantine-queue';

export const QUARANTINE_REFRESH_MS = 10_000;

/** The queue's filters, sort and page as the API's query string takes them (empty = not filtered). */
export type TQueueQuery = {
  state: string;
  reason: string;
  vendor: string;
  region: string;
  assignee: string;
  age: string;
  sort: string;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** One page of the work queue; refreshes on its own so new cases and re-fetch progress appear without a reload. */
export function useQuarantineQueue(query: TQueueQuery) {
  return useQuery({
    queryKey: ['quarantine-cases', query],
    refetchInterval: QUARANTINE_REFRESH_MS,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== '') params.set(k, String(v));
      return apiFetch<TQuarantineQueue>(`/api/quarantine?${params.toString()}`, { signal });
    },
  });
}
