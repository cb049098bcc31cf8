'use client';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';

export type TExportScopeInput = { from?: string; to?: string; recordingIds?: string[]; quarantineCaseId?: string };

export function useStartAuditExport() {
  return useMutation({
    mutationFn: (scope: TExportScopeInput) => apiFetch<{ id: string }>('/api/audit/exports', { method: 'POST', json: scope }),
  });
}
