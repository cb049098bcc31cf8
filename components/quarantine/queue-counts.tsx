'use client';
// How much work there is: the total under the current filters and one button per reason with its count
// (pressing one filters the queue to it; pressing it again clears that filter).
import { titleCase } from '@/components/ui/format';
import { QUARANTINE_REASONS } from '@/lib/quarantine/quarantine-query';

export function QueueCounts({
  total,
  byReason,
  reason,
  onReason,
}: {
  total: number;
  byReason: Record<string, number>;
  reason: string;
  onReason: (reason: string) => void;
}) {
  return (
    <div className="queue-counts btn-row" role="group" aria-label="Cases per reason">
      <strong data-testid="queue-total" aria-live="polite">
        {total} case{total === 1 ? '' : 's'}
      </strong>
      {QUARANTINE_REASONS.map((r) => (
        <button
          key={r}
          type="button"
          className="btn btn-small"
          aria-pressed={reason === r}
          data-testid={`count-${r}`}
          onClick={() => onReason(reason === r ? '' : r)}
        >
          {titleCase(r)} <span className="count">{byReason[r] ?? 0}</span>
        </button>
      ))}
    </div>
  );
}
