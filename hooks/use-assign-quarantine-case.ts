'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

/** Assigns a case ("me" or a reviewer's id) or unassigns it (null). */
export function useAssignQuarantineCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string; assignee: string | null }) =>
      apiFetch<{ caseId: string; changed: boolean }>(`/api/quarantine/${encodeURIComponent(input.caseId)}/assignment`, {
        method: 'POST',
        json: { assignee: input.assignee },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['quarantine-cases'] }),
  });
}
