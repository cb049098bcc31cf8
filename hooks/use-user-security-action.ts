'use client';
// Admin security actions on one user: unlock, sign out everywhere, set a new password (each audited server-side).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import { usersKey } from '@/hooks/use-users';

export type TUserSecurityAction = { kind: 'unlock' } | { kind: 'sign_out_everywhere' } | { kind: 'reset_password'; password: string };

function request(id: string, action: TUserSecurityAction): Promise<unknown> {
  const base = `/api/users/${encodeURIComponent(id)}`;
  if (action.kind === 'unlock') return apiFetch(`${base}/unlock`, { method: 'POST' });
  if (action.kind === 'sign_out_everywhere') return apiFetch(`${base}/sessions`, { method: 'DELETE' });
  return apiFetch(`${base}/password`, { method: 'PUT', json: { password: action.password } });
}

export function useUserSecurityAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TUserSecurityAction) => request(id, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
