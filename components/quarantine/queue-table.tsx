'use client';
// The work queue as a table: one row per case with its problem in words, age against the SLA, recording,
// region, assignee and status. Sortable column headers (aria-sort); rows are reachable by keyboard —
// j/k or ↓/↑ move, Enter opens the case, x (or the checkbox) selects it for a bulk decision.
import { useRouter } from 'next/navigation';
import { useRef, useState, type KeyboardEvent } from 'react';
import { CaseStatus } from '@/components/quarantine/case-status';
import { formatAge, isPastSla } from '@/components/quarantine/format-age';
import { titleCase, VENDOR_LABEL } from '@/components/ui/format';
import type { TQuarantineQueueItem } from '@/lib/quarantine/list-quarantine-queue';
import { TableScroll } from '@/components/ui/table-scroll';

export type TSort = { sort: string; dir: 'asc' | 'desc' };

const COLUMNS: { key: string | null; label: string }[] = [
  { key: 'reason', label: 'Problem' },
  { key: 'age', label: 'Age' },
  { key: 'vendor', label: 'Recording' },
  { key: 'region', label: 'Region' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'state', label: 'Status' },
];

function SortHeader({ column, label, sort, onSort }: { column: string; label: string; sort: TSort; onSort: (s: TSort) => void }) {
  const active = sort.sort === column;
  // Age ascending = youngest first; pressing the active header reverses it (age: the longest waiting first).
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const next: TSort = { sort: column, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' };
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

type TProps = {
  items: TQuarantineQueueItem[];
  slaHours: number;
  now: number;
  sort: TSort;
  onSort: (s: TSort) => void;
  selectable: boolean;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
};

function isTyping(target: EventTarget) {
  return target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A'].includes(target.tagName);
}

export function QueueTable({ items, slaHours, now, sort, onSort, selectable, selected, onToggle, onToggleAll }: TProps) {
  const router = useRouter();
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, items.length - 1));
  const move = (to: number) => {
    const i = Math.max(0, Math.min(items.length - 1, to));
    setActive(i);
    rows.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, i: number, id: string) => {
    if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(i + 1),
      j: () => move(i + 1),
      ArrowUp: () => move(i - 1),
      k: () => move(i - 1),
      Enter: () => router.push(`/quarantine/${id}`),
      x: () => selectable && onToggle(id),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  const selectableIds = items.map((c) => c.id);
  const allOn = selectableIds.length > 0 && selectableIds.every((id) => selected.has(id));
  return (
    <>
      <TableScroll label="Quarantine cases">
        <table className="data queue-table" aria-label="Quarantine cases" aria-describedby="queue-keys">
          <thead>
            <tr>
              {selectable ? (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select every case on this page"
                    checked={allOn}
                    onChange={(e) => onToggleAll(selectableIds, e.target.checked)}
                  />
                </th>
              ) : null}
              {COLUMNS.map((c) =>
                c.key ? (
                  <SortHeader key={c.key} column={c.key} label={c.label} sort={sort} onSort={onSort} />
                ) : (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((c, i) => {
              const late = isPastSla(c.createdAt, now, slaHours) && !['ACCEPTED', 'RESOLVED'].includes(c.state);
              const customer = c.recording.participants.find((p) => p.role === 'CUSTOMER');
              return (
                <tr
                  key={c.id}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  tabIndex={i === current ? 0 : -1}
                  className={`queue-row${late ? ' past-sla' : ''}`}
                  data-testid="quarantine-case"
                  data-case-id={c.id}
                  onFocus={() => setActive(i)}
                  onKeyDown={(e) => onKeyDown(e, i, c.id)}
                >
                  {selectable ? (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select case ${c.recording.vendorRecordingId}`}
                        checked={selected.has(c.id)}
                        onChange={() => onToggle(c.id)}
                      />
                    </td>
                  ) : null}
                  <td className="queue-problem">
                    <a href={`/quarantine/${c.id}`} tabIndex={-1}>
                      <strong>{titleCase(c.reason)}</strong>
                    </a>
                    <br />
                    <span data-testid="case-summary">{c.summary.headline}</span>
                  </td>
                  <td>
                    {formatAge(c.createdAt, now)}
                    {late ? (
                      <>
                        <br />
                        <span className="badge badge-danger">Past {slaHours} h SLA</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {VENDOR_LABEL[c.recording.vendorSource]}
                    <br />
                    <span className="mono muted">{c.recording.vendorRecordingId}</span>
                    {customer ? (
                      <>
                        <br />
                        <span className="muted">Customer</span>{' '}
                        <span className="mono">{customer.identifier ?? customer.displayName ?? '—'}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{c.recording.dataResidencyRegion ?? '—'}</td>
                  <td>{c.assignedTo ? c.assignedTo.email : <span className="muted">Unassigned</span>}</td>
                  <td>
                    <CaseStatus c={c} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p id="queue-keys" className="hint">
        Keyboard: j / k or ↓ / ↑ move between cases, Enter opens one{selectable ? ', x selects it' : ''}.
      </p>
    </>
  );
}
