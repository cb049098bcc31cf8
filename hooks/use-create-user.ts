'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import { usersKey } from '@/hooks/use-users';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; name: string; role: string; password: string; regions: string[] }) =>
      apiFetch<{ id: string }>('/api/users', { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
