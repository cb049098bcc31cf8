'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQueueHistoryPoint } from '@/lib/queue/get-queue-history';

export const queueHistoryKey = (minutes: number) => ['operations', 'queue-history', { minutes }] as const;

export function useQueueHistory(minutes: number) {
  return useQuery({
    queryKey: queueHistoryKey(minutes),
    refetchInterval: 15_000,
    queryFn: ({ signal }) => apiFetch<{ points: TQueueHistoryPoint[] }>(`/api/operations/queues/history?minutes=${minutes}`, { signal }),
  });
}
