'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { savedSearchesKey } from '@/hooks/use-saved-searches';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TSavedSearchView } from '@/lib/recordings/saved-searches';

/** Save (name + filter) or delete (id) one of the user's saved searches. */
export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { name: string; filter: Record<string, unknown> } | { deleteId: string }) =>
      'deleteId' in change
        ? apiFetch<null>(`/api/saved-searches/${encodeURIComponent(change.deleteId)}`, { method: 'DELETE' })
        : apiFetch<TSavedSearchView>('/api/saved-searches', { method: 'POST', json: change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchesKey }),
  });
}
