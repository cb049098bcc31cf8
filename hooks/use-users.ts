'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TUserView } from '@/lib/users/user-schemas';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: ({ signal }) => apiFetch<{ users: TUserView[] }>('/api/users', { signal }) });
}
