'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { listMatters } from '@/lib/legal-hold/list-matters';

export type TMatterSummary = Awaited<ReturnType<typeof listMatters>>[number];

export const mattersKey = ['matters'] as const;

/** Every matter with its recording and hold counts (the "Add to matter…" dialog lists them). */
export function useMatters(enabled = true) {
  return useQuery({
    queryKey: mattersKey,
    enabled,
    queryFn: ({ signal }) => apiFetch<{ matters: TMatterSummary[] }>('/api/matters', { signal }),
  });
}
