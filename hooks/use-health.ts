'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TComponentHealth } from '@/lib/health/check-health';

export function useHealth() {
  return useQuery({
    queryKey: ['operations', 'health'],
    refetchInterval: 10_000,
    queryFn: ({ signal }) => apiFetch<{ ok: boolean; components: TComponentHealth[] }>('/api/operations/health', { signal }),
  });
}
