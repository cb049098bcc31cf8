'use client';
// The review queue: pick a state, work the cases; the list refreshes itself every few seconds.
import { useState } from 'react';
import { CaseCard } from '@/components/quarantine/case-card';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { QUARANTINE_REFRESH_MS, useQuarantineQueue } from '@/hooks/use-quarantine-queue';

const STATES = [
  ['OPEN', 'Open'],
  ['ESCALATED', 'Escalated'],
  ['REFETCH_REQUESTED', 'Re-fetch requested'],
  ['ACCEPTED', 'Accepted'],
  ['RESOLVED', 'Resolved'],
  ['ALL', 'All'],
] as const;

export function QuarantineQueue({ canDecide, canOpenRecording }: { canDecide: boolean; canOpenRecording: boolean }) {
  const [state, setState] = useState<string>('OPEN');
  const queue = useQuarantineQueue(state);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="btn-row">
        <label htmlFor="q-state">Show cases</label>
        <select id="q-state" value={state} onChange={(e) => setState(e.target.value)}>
          {STATES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <span className="hint">Refreshes every {QUARANTINE_REFRESH_MS / 1000} s{queue.isFetching ? ' — refreshing…' : ''}</span>
      </div>
      <section aria-live="polite" aria-busy={queue.isFetching} style={{ marginTop: '0.75rem' }}>
        {queue.isPending ? <Loading /> : null}
        {queue.isError ? <ErrorState error={queue.error} retry={() => void queue.refetch()} /> : null}
        {queue.isSuccess && items.length === 0 ? <Empty>No cases in this state. Nothing to review.</Empty> : null}
        {items.map((c) => (
          <CaseCard key={c.id} c={c} canDecide={canDecide} canOpenRecording={canOpenRecording} />
        ))}
        {queue.hasNextPage ? (
          <button type="button" className="btn" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
            Load more
          </button>
        ) : null}
      </section>
    </>
  );
}
