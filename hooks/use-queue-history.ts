'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQueueHistoryPoint } from '@/lib/queue/get-queue-history';

export function useQueueHistory(minutes: number) {
  return useQuery({
    queryKey: ['operations', 'queue-history', { minutes }],
    refetchInterval: 15_000,
    queryFn: ({ signal }) => apiFetch<{ points: TQueueHistoryPoint[] }>(`/api/operations/queues/history?minutes=${minutes}`, { signal }),
  });
}
