'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TDashboard } from '@/lib/dashboard/get-dashboard';

/** The home dashboard's figures, refreshed every 30 s. */
export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    refetchInterval: 30_000,
    queryFn: ({ signal }) => apiFetch<TDashboard>('/api/dashboard', { signal }),
  });
}
