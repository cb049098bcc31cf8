'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TAuditExportSummary } from '@/lib/audit/list-audit-exports';

type TAuditExportsPage = { exports: TAuditExportSummary[]; total: number; page: number; pages: number };

/** The export history, newest first; refreshed while an export is still running. */
export function useAuditExports(page: number) {
  return useQuery<TAuditExportsPage>({
    queryKey: ['audit-exports', { page }],
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.exports.some((e) => e.status === 'queued' || e.status === 'running') ? 3_000 : false),
    queryFn: ({ signal }) => apiFetch<TAuditExportsPage>(`/api/audit/exports?page=${page}`, { signal }),
  });
}
