'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

export type TDecision = 'accept' | 'refetch' | 'escalate';

/** Records a reviewer's decision; every view of the queue refreshes (the case moves to another state). */
export function useResolveQuarantineCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string; decision: TDecision; note: string }) =>
      apiFetch<{ ok: true }>(`/api/quarantine/${encodeURIComponent(input.caseId)}/decision`, {
        method: 'POST',
        json: { decision: input.decision, note: input.note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['quarantine-cases'] }),
  });
}
