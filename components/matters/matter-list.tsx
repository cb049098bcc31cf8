import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format';
import type { listMatters } from '@/lib/legal-hold/list-matters';
import { DataTable } from '@/components/ui/data-table';

export const HOLD_STATE_LABEL = { empty: 'No recordings', not_held: 'Not held', partly_held: 'Partly held', held: 'Held' } as const;

/** Every matter: name, hold state, recordings collected and held. */
export function MatterList({ matters, timeZone }: { matters: Awaited<ReturnType<typeof listMatters>>; timeZone: string }) {
  if (matters.length === 0) return <p className="muted">No matters yet.</p>;
  return (
    <DataTable
      label="Matters"
      testId="matters"
      columns={['Reference', 'Name', 'Status', { label: 'Recordings', num: true }, { label: 'Held', num: true }, 'Opened']}
    >
      {matters.map((m) => (
        <tr key={m.id}>
          <td>
            <Link href={`/matters/${m.id}`}>{m.reference}</Link>
          </td>
          <td>{m.name}</td>
          <td>{HOLD_STATE_LABEL[m.holdState]}</td>
          <td className="num">{m.recordingCount}</td>
          <td className="num">{m.activeHolds}</td>
          <td>{formatDateTime(m.createdAt, timeZone)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
