'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TAuditEntryView } from '@/lib/audit/to-audit-entry-view';

export const recordingAuditKey = (id: string) => ['recording-audit', { id }] as const;

/** The recording's audit history, newest first. */
export function useRecordingAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: recordingAuditKey(id),
    enabled,
    queryFn: ({ signal }) => apiFetch<{ entries: TAuditEntryView[] }>(`/api/recordings/${encodeURIComponent(id)}/audit`, { signal }),
  });
}
