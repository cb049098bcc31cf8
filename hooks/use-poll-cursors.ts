'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TPollCursorView } from '@/lib/ingest/list-poll-cursors';

export function usePollCursors() {
  return useQuery({
    queryKey: ['operations', 'poll-cursors'],
    refetchInterval: 15_000,
    queryFn: ({ signal }) => apiFetch<{ cursors: TPollCursorView[] }>('/api/operations/poll-cursors', { signal }),
  });
}
