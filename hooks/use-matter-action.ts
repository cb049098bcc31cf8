'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

/** A POST on a matter (open, add recordings, hold/release all, build a package); refreshes every matter query. */
export function useMatterAction<T>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (json: unknown) => apiFetch<T>(path, { method: 'POST', json }),
    onSettled: () => client.invalidateQueries({ queryKey: ['matter'] }),
  });
}
