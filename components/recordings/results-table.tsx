'use client';
// One row per recording: when, vendor, who, vendor vs measured duration, tags, status and legal hold; with a
// selection, a checkbox per row and one for every row shown.
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { TRowSelection } from '@/components/recordings/use-row-selection';
import { formatDuration, titleCase, VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { LegalHoldBadge, StatusBadge } from '@/components/ui/status-badge';
import type { TSort, TSortKey } from '@/lib/recordings/search-filter';
import type { TRecordingListItem } from '@/lib/recordings/types';

type TSortProps = { sort?: TSort; onSort?: (sort: TSort) => void };

/** A column header that sorts the search server-side (click again to reverse); plain text without onSort. */
function SortHeader({ label, by, sort, onSort }: TSortProps & { label: string; by: TSortKey }) {
  const [key, dir] = (sort ?? 'startTime_desc').split('_') as [TSortKey, 'asc' | 'desc'];
  const active = key === by;
  if (!onSort) return <th scope="col">{label}</th>;
  const next: TSort = active && dir === 'desc' ? `${by}_asc` : `${by}_desc`;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function DurationCell({ vendor, measured }: { vendor: number | null; measured: number | null }) {
  const mismatch = vendor !== null && measured !== null && Math.abs(vendor - measured) > 2;
  return (
    <>
      <span title="Vendor's stated duration">{formatDuration(vendor)}</span>
      <br />
      <span className={mismatch ? 'error' : 'muted'} title="Measured from the stored media">
        measured {formatDuration(measured)}
        {mismatch ? ' (mismatch)' : ''}
      </span>
    </>
  );
}

/** Checked when every row shown is selected, mixed when some are. */
function SelectAllBox({ ids, selection }: { ids: string[]; selection: TRowSelection }) {
  const ref = useRef<HTMLInputElement>(null);
  const chosen = ids.filter((id) => selection.selected.has(id)).length;
  const all = ids.length > 0 && chosen === ids.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all recordings on this page"
      checked={all}
      onChange={(e) => selection.setMany(ids, e.target.checked)}
    />
  );
}

export function ResultsTable({ items, sort, onSort, selection }: { items: TRecordingListItem[]; selection?: TRowSelection } & TSortProps) {
  const formatDateTime = useFormatDateTime();
  return (
    <table className="data" aria-label="Recordings">
      <thead>
        <tr>
          {selection ? (
            <th scope="col">
              <SelectAllBox ids={items.map((r) => r.id)} selection={selection} />
            </th>
          ) : null}
          <SortHeader label="Start" by="startTime" sort={sort} onSort={onSort} />
          <SortHeader label="Vendor / id" by="vendor" sort={sort} onSort={onSort} />
          <th scope="col">Participants</th>
          <SortHeader label="Duration" by="duration" sort={sort} onSort={onSort} />
          <SortHeader label="Tags / region" by="region" sort={sort} onSort={onSort} />
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="recording-row">
            {selection ? (
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select recording ${r.vendorRecordingId}`}
                  checked={selection.selected.has(r.id)}
                  onChange={() => selection.toggle(r.id)}
                />
              </td>
            ) : null}
            <td>
              <Link href={`/recordings/${r.id}`}>{r.startTime ? formatDateTime(r.startTime) : 'No start time'}</Link>
              <br />
              <span className="muted">{r.direction ? titleCase(r.direction) : 'direction unknown'}</span>
            </td>
            <td>
              {VENDOR_LABEL[r.vendorSource]}
              <br />
              <span className="mono muted">{r.vendorRecordingId}</span>
            </td>
            <td>
              {r.participants.map((p, i) => (
                <div key={i}>
                  <span className="muted">{titleCase(p.role)}:</span> {p.displayName ?? '—'}{' '}
                  <span className="mono">{p.identifier ?? ''}</span>
                </div>
              ))}
            </td>
            <td>
              <DurationCell vendor={r.durationSeconds} measured={r.measuredDurationSeconds} />
            </td>
            <td>
              {r.complianceTags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
              {r.dataResidencyRegion ? <span className="muted"> region {r.dataResidencyRegion}</span> : null}
            </td>
            <td>
              <StatusBadge status={r.status} /> <LegalHoldBadge active={r.legalHold} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
