'use client';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client/api-fetch';
import type { TPeaks } from '@/lib/media/peaks-format';

/** The stored waveform peaks; null when none are stored (the player then says so). Immutable per version. */
export function useRecordingPeaks(id: string) {
  return useQuery({
    queryKey: ['recording-peaks', { id }],
    queryFn: ({ signal }) =>
      apiFetch<TPeaks>(`/api/recordings/${encodeURIComponent(id)}/peaks`, { signal }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    staleTime: Infinity,
    retry: 1,
  });
}
