'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TRestoreState } from '@/lib/storage/restore-state';

export const restoreStateKey = (recordingId: string) => ['restore-state', { recordingId }] as const;

/** Storage class and retrieval status; re-read every minute while a retrieval runs (it takes minutes to hours). */
export function useRestoreState(recordingId: string) {
  return useQuery({
    queryKey: restoreStateKey(recordingId),
    queryFn: ({ signal }) => apiFetch<TRestoreState>(`/api/recordings/${encodeURIComponent(recordingId)}/restore`, { signal }),
    refetchInterval: (query) => (query.state.data?.restore === 'in_progress' ? 60_000 : false),
  });
}
