'use client';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TPreferences } from '@/lib/preferences/update-preferences';

export function useUpdatePreferences() {
  return useMutation({
    mutationFn: (change: TPreferences) => apiFetch<TPreferences>('/api/me/preferences', { method: 'PATCH', json: change }),
  });
}
