'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

type TReviewer = { id: string; email: string; name: string; role: string };

/** The people a quarantine case can be assigned to. */
export function useQuarantineReviewers(enabled: boolean) {
  return useQuery({
    queryKey: ['quarantine-reviewers'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => apiFetch<{ items: TReviewer[] }>('/api/quarantine/reviewers', { signal }),
  });
}
