'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TRecordingDetail } from '@/lib/recordings/types';

export const recordingKey = (id: string) => ['recording', { id }] as const;

export function useRecording(id: string) {
  return useQuery({
    queryKey: recordingKey(id),
    queryFn: ({ signal }) => apiFetch<TRecordingDetail>(`/api/recordings/${encodeURIComponent(id)}`, { signal }),
  });
}
