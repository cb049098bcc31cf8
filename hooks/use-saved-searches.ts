'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TSavedSearchView } from '@/lib/recordings/saved-searches';

export const savedSearchesKey = ['saved-searches'] as const;

export function useSavedSearches() {
  return useQuery({
    queryKey: savedSearchesKey,
    queryFn: ({ signal }) => apiFetch<{ savedSearches: TSavedSearchView[] }>('/api/saved-searches', { signal }),
  });
}
