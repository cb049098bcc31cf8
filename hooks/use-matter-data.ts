'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

/** One of a matter's GET resources (summary, recordings page, history, packages), under ['matter', { id, what }]. */
export function useMatterData<T>(id: string, what: string, path: string, refetchInterval?: (data: T | undefined) => number | false) {
  return useQuery({
    queryKey: ['matter', { id, what: `${what}:${path}` }],
    queryFn: ({ signal }) => apiFetch<T>(path, { signal }),
    refetchInterval: refetchInterval ? (q) => refetchInterval(q.state.data) : false,
  });
}
