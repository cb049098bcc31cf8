'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import { recordingKey } from '@/hooks/use-recording';
import { recordingAuditKey } from '@/hooks/use-recording-audit';

export function useLiftLegalHold(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseReference: string; reason: string }) =>
      apiFetch<{ ok: true; remainingMatters: string[] }>(`/api/recordings/${encodeURIComponent(recordingId)}/legal-hold/lift`, {
        method: 'POST',
        json: input,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: recordingKey(recordingId) }),
        queryClient.invalidateQueries({ queryKey: recordingAuditKey(recordingId) }),
        queryClient.invalidateQueries({ queryKey: ['recordings'] }),
      ]),
  });
}
