'use client';
// The archive search page: URL params → validated filter → keyset-paged results.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ResultsTable } from '@/components/recordings/results-table';
import { SearchForm } from '@/components/recordings/search-form';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useRecordingSearch, type TSearchQueryFilter } from '@/hooks/use-recording-search';
import { queryObjectFromParams } from '@/lib/http/query-object';
import { ZSearchFilter } from '@/lib/recordings/search-filter';

export function RecordingsSearch({ masked = false }: { masked?: boolean }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = useMemo(() => queryObjectFromParams(searchParams), [searchParams]);
  const parsed = useMemo(() => ZSearchFilter.safeParse(raw), [raw]);
  const filter: TSearchQueryFilter | null = parsed.success ? (({ cursor: _c, ...f }) => f)(parsed.data) : null;
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
  const search = useRecordingSearch(filter);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <SearchForm key={searchParams.toString()} masked={masked} values={raw} errors={errors} onSearch={(p) => router.push(`${pathname}?${p.toString()}`)} />
      <section aria-labelledby="results-heading" aria-busy={search.isFetching}>
        <h2 id="results-heading">Results</h2>
        {search.isPending && filter ? <Loading label="Searching…" /> : null}
        {search.isError ? <ErrorState error={search.error} retry={() => void search.refetch()} /> : null}
        {search.isSuccess && items.length === 0 ? <Empty>No recordings match these filters.</Empty> : null}
        {items.length > 0 ? (
          <>
            <p className="muted" aria-live="polite">
              Showing {items.length} recording{items.length === 1 ? '' : 's'}
              {search.hasNextPage ? ' (more available)' : ''}.
            </p>
            <ResultsTable items={items} />
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
