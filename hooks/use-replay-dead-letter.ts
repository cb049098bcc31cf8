'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

export function useReplayDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: true }>(`/api/operations/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST', json: {} }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['operations', 'dead-letters'] }),
        queryClient.invalidateQueries({ queryKey: ['operations', 'queues'] }),
      ]),
  });
}
