'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TExtraVersionView } from '@/lib/archive/list-extra-versions';

export function useExtraVersions() {
  return useQuery({
    queryKey: ['operations', 'extra-versions'],
    refetchInterval: 30_000,
    queryFn: ({ signal }) => apiFetch<{ items: TExtraVersionView[]; total: number }>('/api/operations/extra-versions', { signal }),
  });
}
