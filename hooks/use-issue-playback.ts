'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TPlaybackGrant } from '@/lib/playback/playback-request';
import { recordingAuditKey } from '@/hooks/use-recording-audit';

/** Asks for a presigned playback URL with a stated reason; the new audit entry shows up in the history. */
export function useIssuePlayback(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<TPlaybackGrant>(`/api/recordings/${encodeURIComponent(recordingId)}/playback`, { method: 'POST', json: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordingAuditKey(recordingId) }),
  });
}
