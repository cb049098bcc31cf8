'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client/api-fetch';
import type { TAuditSearchResult } from '@/lib/audit/search-audit-log';

export type TAuditSearchParams = {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  page: number;
};

/** One page of the audit-log search (runs only once the auditor has submitted the form). */
export function useAuditSearch(params: TAuditSearchParams | null) {
  return useQuery({
    queryKey: ['audit-search', params ?? { page: 1 }],
    enabled: params !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams(
        Object.entries(params ?? {})
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      );
      return apiFetch<TAuditSearchResult>(`/api/audit/entries?${query.toString()}`, { signal });
    },
  });
}
