'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TQueueStats } from '@/lib/queue/get-queue-stats';

export function useQueueStats() {
  return useQuery({
    queryKey: ['operations', 'queues'],
    refetchInterval: 5_000,
    queryFn: ({ signal }) => apiFetch<{ queues: TQueueStats[] }>('/api/operations/queues', { signal }),
  });
}
