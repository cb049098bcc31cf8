'use client';
import { VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { usePollCursors } from '@/hooks/use-poll-cursors';
import { TableScroll } from '@/components/ui/table-scroll';

export function PollCursorsPanel() {
  const formatDateTime = useFormatDateTime();
  const cursors = usePollCursors();
  return (
    <section className="panel" aria-labelledby="pc-heading">
      <h2 id="pc-heading">Fallback polling per vendor account</h2>
      {cursors.isPending ? <Loading /> : null}
      {cursors.isError ? <ErrorState error={cursors.error} retry={() => void cursors.refetch()} /> : null}
      {cursors.data && cursors.data.cursors.length === 0 ? <Empty>No vendor accounts configured.</Empty> : null}
      {cursors.data && cursors.data.cursors.length > 0 ? (
        <TableScroll label="Poll cursors">
          <table className="data" aria-label="Poll cursors" data-testid="poll-cursors">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Last poll / last success</th>
                <th scope="col">Position</th>
                <th scope="col" className="num">
                  Listed / enqueued
                </th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {cursors.data.cursors.map((c) => (
                <tr key={c.vendorAccountId}>
                  <td>
                    {c.accountName}{' '}
                    <span className="muted">
                      ({VENDOR_LABEL[c.vendorSource]}, {c.vendorAccountId}
                      {c.enabled ? '' : ', disabled'})
                    </span>
                  </td>
                  <td>
                    {formatDateTime(c.lastPolledAt)}
                    <br />
                    {formatDateTime(c.lastSuccessAt)}
                  </td>
                  <td className="mono">
                    {c.cursor ? `cursor ${c.cursor}` : 'idle'}
                    <br />
                    since {formatDateTime(c.updatedSince)}
                  </td>
                  <td className="num">
                    {c.listedCount} / {c.enqueuedCount}
                  </td>
                  <td className={c.lastError ? 'error' : 'muted'}>{c.lastError ?? 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
