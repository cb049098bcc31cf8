'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import { usersKey } from '@/hooks/use-users';

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; role?: string; disabled?: boolean; regions?: string[] }) =>
      apiFetch<{ ok: true }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
