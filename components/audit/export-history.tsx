'use client';
// Every audit export: status, who asked, when it was asked for and finished, size, failure reason, download again.
import { useState } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatBytes } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useAuditExports } from '@/hooks/use-audit-exports';
import { DataTable } from '@/components/ui/data-table';

export function ExportHistory() {
  const formatDateTime = useFormatDateTime();
  const [page, setPage] = useState(1);
  const history = useAuditExports(page);
  const data = history.data;
  return (
    <section className="panel" aria-labelledby="export-history-heading">
      <h2 id="export-history-heading">Export history</h2>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorState error={history.error} retry={() => void history.refetch()} /> : null}
      {data && data.exports.length === 0 ? <Empty>No audit exports yet.</Empty> : null}
      {data && data.exports.length > 0 ? (
        <DataTable
          label="Audit exports"
          testId="export-history"
          columns={['Status', 'Requested by', 'Requested', 'Finished', 'Entries', 'Size', 'Bundle']}
        >
          {data.exports.map((x) => (
            <tr key={x.id}>
              <td>
                <StatusBadge status={x.status} />
                {x.error ? <div className="error">{x.error}</div> : null}
              </td>
              <td>
                {x.requestedBy.name} <span className="muted">({x.requestedBy.email})</span>
              </td>
              <td>{formatDateTime(x.createdAt)}</td>
              <td>{formatDateTime(x.completedAt)}</td>
              <td className="num">{x.entryCount ?? '—'}</td>
              <td>{x.sizeBytes === null ? '—' : formatBytes(x.sizeBytes)}</td>
              <td>
                {x.downloadable ? (
                  <a
                    href={`/api/audit/exports/${x.id}/download`}
                    download
                    aria-label={`Download the export of ${formatDateTime(x.createdAt)}`}
                  >
                    Download
                  </a>
                ) : (
                  <a href={`/audit?export=${x.id}`}>Details</a>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {data && data.pages > 1 ? (
        <nav className="pager" aria-label="Export history pages">
          <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous page
          </button>
          <span className="muted">
            Page {data.page} of {data.pages}
          </span>
          <button type="button" className="btn" disabled={page >= data.pages} onClick={() => setPage(page + 1)}>
            Next page
          </button>
        </nav>
      ) : null}
    </section>
  );
}
