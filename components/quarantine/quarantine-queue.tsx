'use client';
// The quarantine work queue: counts per reason, filters, a sortable and keyboard-navigable table, paging,
// and bulk accept / re-fetch of the selected cases. Filtering, sorting and paging happen on the server; the
// page refreshes itself every few seconds so new cases and re-fetch outcomes appear without a reload.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { BulkDecisionBar } from '@/components/quarantine/bulk-decision-bar';
import { QueueCounts } from '@/components/quarantine/queue-counts';
import { QueueFilters } from '@/components/quarantine/queue-filters';
import { QueueTable } from '@/components/quarantine/queue-table';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { QUARANTINE_REFRESH_MS, useQuarantineQueue, type TQueueQuery } from '@/hooks/use-quarantine-queue';

const INITIAL: TQueueQuery = {
  state: 'ACTIVE',
  reason: '',
  vendor: '',
  region: '',
  assignee: '',
  age: '',
  sort: 'age',
  dir: 'asc',
  page: 1,
  pageSize: 25,
};

/** The view lives in the address (shareable, kept by Back); the server validates it and says what is wrong. */
function queryFromParams(params: URLSearchParams): TQueueQuery {
  const get = (key: keyof TQueueQuery) => params.get(key) ?? String(INITIAL[key]);
  return {
    state: get('state'),
    reason: get('reason'),
    vendor: get('vendor'),
    region: get('region'),
    assignee: get('assignee'),
    age: get('age'),
    sort: get('sort'),
    dir: get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number(get('page')) || 1,
    pageSize: Number(get('pageSize')) || INITIAL.pageSize,
  };
}

function paramsFromQuery(query: TQueueQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== INITIAL[key as keyof TQueueQuery]) params.set(key, String(value));
  return params.toString();
}

function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="btn-row" aria-label="Pages">
      <button type="button" className="btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>
        Page {Math.min(page, pages)} of {pages}
      </span>
      <button type="button" className="btn" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}

export function QuarantineQueue({ canDecide, regions, slaHours }: { canDecide: boolean; regions: string[]; slaHours: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const query = queryFromParams(new URLSearchParams(useSearchParams().toString()));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const queue = useQuarantineQueue(query);
  // Ages are as of the last answer, so they move with each refresh.
  const now = queue.dataUpdatedAt;
  const data = queue.data;
  const items = data?.items ?? [];
  const change = (patch: Partial<TQueueQuery>) => {
    const search = paramsFromQuery({ ...query, ...patch });
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    setSelected(new Set());
  };
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggleAll = (ids: string[], on: boolean) =>
    setSelected((s) => (on ? new Set([...s, ...ids]) : new Set([...s].filter((x) => !ids.includes(x)))));
  // Only cases still on screen can be decided: a refresh may have moved some away.
  const chosen = items.filter((c) => selected.has(c.id)).map((c) => c.id);
  return (
    <>
      <QueueFilters query={query} onChange={change} regions={regions} slaHours={slaHours} canDecide={canDecide} />
      {data ? (
        <QueueCounts total={data.total} byReason={data.byReason} reason={query.reason} onReason={(reason) => change({ reason, page: 1 })} />
      ) : null}
      <p className="hint">
        Refreshes every {QUARANTINE_REFRESH_MS / 1000} s{queue.isFetching ? ' — refreshing…' : ''}. Cases waiting longer than {slaHours} h
        are past their SLA.
      </p>
      {canDecide ? <BulkDecisionBar selected={chosen} onDone={() => setSelected(new Set())} /> : null}
      <section aria-busy={queue.isFetching} style={{ marginTop: '0.5rem' }}>
        {queue.isPending ? <Loading /> : null}
        {queue.isError ? <ErrorState error={queue.error} retry={() => void queue.refetch()} /> : null}
        {data && items.length === 0 ? <Empty>No cases match these filters. Nothing to review.</Empty> : null}
        {items.length > 0 ? (
          <QueueTable
            items={items}
            slaHours={slaHours}
            now={now}
            sort={{ sort: query.sort, dir: query.dir }}
            onSort={(s) => change({ sort: s.sort, dir: s.dir, page: 1 })}
            selectable={canDecide}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
          />
        ) : null}
        {data && data.total > data.pageSize ? (
          <Pager page={query.page} pageSize={data.pageSize} total={data.total} onPage={(page) => change({ page })} />
        ) : null}
      </section>
    </>
  );
}
