'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TRestoreOutcome } from '@/lib/restore/request-restore';
import { recordingAuditKey } from '@/hooks/use-recording-audit';
import { restoreStateKey } from '@/hooks/use-restore-state';

/** Asks storage to retrieve a cold recording, with a stated reason (audited). */
export function useRequestRestore(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<TRestoreOutcome>(`/api/recordings/${encodeURIComponent(recordingId)}/restore`, { method: 'POST', json: { reason } }),
    onSuccess: (outcome) => {
      queryClient.setQueryData(restoreStateKey(recordingId), outcome);
      return queryClient.invalidateQueries({ queryKey: recordingAuditKey(recordingId) });
    },
  });
}
