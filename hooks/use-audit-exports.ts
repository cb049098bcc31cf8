'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TAuditExportSummary } from '@/lib/audit/list-audit-exports';

export type TAuditExportsPage = { exports: TAuditExportSummary[]; total: number; page: number; pages: number };

export const auditExportsKey = (page: number) => ['audit-exports', { page }] as const;

/** The export history, newest first; refreshed while an export is still running. */
export function useAuditExports(page: number) {
  return useQuery<TAuditExportsPage>({
    queryKey: auditExportsKey(page),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.exports.some((e) => e.status === 'queued' || e.status === 'running') ? 3_000 : false),
    queryFn: ({ signal }) => apiFetch<TAuditExportsPage>(`/api/audit/exports?page=${page}`, { signal }),
  });
}
