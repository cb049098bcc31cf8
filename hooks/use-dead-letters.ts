'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TDeadLetterView } from '@/lib/dead-letters/dead-letters';

export function useDeadLetters(state: 'open' | 'replayed' | 'all') {
  return useQuery({
    queryKey: ['operations', 'dead-letters', { state }],
    refetchInterval: 15_000,
    queryFn: ({ signal }) =>
      apiFetch<{ items: TDeadLetterView[]; nextCursor: string | null }>(`/api/operations/dead-letters?state=${state}`, { signal }),
  });
}
