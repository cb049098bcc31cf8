'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TAuditExportView } from '@/lib/audit/get-audit-export';

export const auditExportKey = (id: string) => ['audit-export', { id }] as const;

/** An export's progress: polled every second while it is queued or runs, then left alone. */
export function useAuditExport(id: string | null) {
  return useQuery({
    queryKey: auditExportKey(id ?? ''),
    enabled: id !== null,
    queryFn: ({ signal }) => apiFetch<TAuditExportView>(`/api/audit/exports/${encodeURIComponent(id ?? '')}`, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === undefined || status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}
