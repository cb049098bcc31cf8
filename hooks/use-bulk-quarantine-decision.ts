'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TBulkResult } from '@/lib/quarantine/resolve-quarantine-cases';

export type TBulkDecision = 'accept' | 'refetch';
type TBulkOutcome = { batchId: string; decided: number; failed: number; results: TBulkResult[] };

/** One decision and note for the selected cases; the queue and its counts refresh afterwards. */
export function useBulkQuarantineDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseIds: string[]; decision: TBulkDecision; note: string }) =>
      apiFetch<TBulkOutcome>('/api/quarantine/decisions', { method: 'POST', json: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['quarantine-cases'] }),
  });
}
