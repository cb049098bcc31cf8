'use client';
import { useQuery } from '@tanstack/react-query';
import { QUARANTINE_REFRESH_MS } from '@/hooks/use-quarantine-queue';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQuarantineQueueItem } from '@/lib/quarantine/list-quarantine-queue';

/** One quarantine case; refreshes while a re-fetch is under way so its outcome shows up by itself. */
export function useQuarantineCase(id: string) {
  return useQuery({
    queryKey: ['quarantine-cases', { id }],
    refetchInterval: QUARANTINE_REFRESH_MS,
    queryFn: ({ signal }) => apiFetch<TQuarantineQueueItem>(`/api/quarantine/${encodeURIComponent(id)}`, { signal }),
  });
}
