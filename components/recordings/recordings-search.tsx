'use client';
// The archive search page: URL params → validated filter → keyset-paged results with their total,
// column sorting, saved searches, CSV/JSON export of the same search and, for roles that manage matters, rows
// selected to add to a matter.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ResultsTable } from '@/components/recordings/results-table';
import { SavedSearchesBar } from '@/components/recordings/saved-searches-bar';
import { SearchForm } from '@/components/recordings/search-form';
import { SelectionBar } from '@/components/recordings/selection-bar';
import { useRowSelection } from '@/components/recordings/use-row-selection';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useRecordingSearch, type TSearchQueryFilter } from '@/hooks/use-recording-search';
import { queryObjectFromParams } from '@/lib/http/query-object';
import { filterToParams, ZSearchFilter, type TSort } from '@/lib/recordings/search-filter';
import type { TSearchTotal } from '@/lib/recordings/types';

function totalText(total: TSearchTotal): string {
  const n = total.count.toLocaleString('en-US');
  if (!total.exact) return `More than ${n} recordings match (counted up to ${n}; narrow the filters for an exact number)`;
  return total.count === 1 ? '1 recording matches' : `${n} recordings match`;
}

export function RecordingsSearch({
  masked = false,
  regions,
  exportLimit,
  canManageMatters = false,
}: {
  masked?: boolean;
  regions: readonly string[];
  exportLimit: number;
  canManageMatters?: boolean;
}) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = useMemo(() => queryObjectFromParams(searchParams), [searchParams]);
  const parsed = useMemo(() => ZSearchFilter.safeParse(raw), [raw]);
  const filter: TSearchQueryFilter | null = parsed.success ? (({ cursor: _c, ...f }) => f)(parsed.data) : null;
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
  const search = useRecordingSearch(filter);
  const selection = useRowSelection(searchParams.toString());
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = search.data?.pages[0]?.total ?? null;
  const go = (p: URLSearchParams) => router.push(`${pathname}?${p.toString()}`);
  const sortBy = (sort: TSort) => {
    const p = new URLSearchParams(searchParams.toString());
    p.set('sort', sort);
    go(p);
  };
  const exportHref = (format: 'csv' | 'json') =>
    filter ? `/api/recordings/export?format=${format}&${filterToParams(filter).toString()}` : undefined;

  return (
    <>
      <SearchForm key={searchParams.toString()} masked={masked} regions={regions} values={raw} errors={errors} onSearch={go} />
      <SavedSearchesBar current={filter} onApply={go} />
      <section aria-labelledby="results-heading" aria-busy={search.isFetching}>
        <h2 id="results-heading">Results</h2>
        {search.isPending && filter ? <Loading label="Searching…" /> : null}
        {search.isError ? <ErrorState error={search.error} retry={() => void search.refetch()} /> : null}
        {search.isSuccess && items.length === 0 ? <Empty>No recordings match these filters.</Empty> : null}
        {items.length > 0 ? (
          <>
            <div className="results-bar">
              <p className="muted" aria-live="polite" data-testid="result-total">
                {total ? `${totalText(total)}; ` : ''}showing {items.length}.
              </p>
              <p>
                <a className="btn" href={exportHref('csv')} download>
                  Export CSV
                </a>{' '}
                <a className="btn" href={exportHref('json')} download>
                  Export JSON
                </a>
                <span className="hint">
                  {' '}
                  up to {exportLimit.toLocaleString('en-US')} rows{masked ? ', identifiers masked' : ''}
                </span>
              </p>
            </div>
            {canManageMatters ? <SelectionBar selected={[...selection.selected]} onClear={selection.clear} /> : null}
            <ResultsTable items={items} sort={filter?.sort} onSort={sortBy} selection={canManageMatters ? selection : undefined} />
          </>
        ) : null}
        {search.hasNextPage ? (
          <p>
            <button type="button" className="btn" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
              {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
