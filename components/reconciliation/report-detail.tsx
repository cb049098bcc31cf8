'use client';

import { VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import type { TReportDetail } from '@/lib/reconcile/get-reconciliation-report';
import { TableScroll } from '@/components/ui/table-scroll';

const KIND_LABEL: Record<string, string> = {
  missing: 'Missing (never delivered)',
  pending: 'Pending (delivered, not yet archived)',
  extra: 'Extra (not in the vendor listing)',
  checksum_mismatch: 'Stored version disagrees',
  duration_mismatch: 'Duration mismatch',
};

/** One report: counts, every finding, and where the signed document is kept for verification. */
export function ReportDetail({ report }: { report: TReportDetail }) {
  const formatDateTime = useFormatDateTime();
  const c = report.counts;
  return (
    <>
      <section className="panel" aria-labelledby="rd-summary">
        <h2 id="rd-summary">
          {report.vendorAccountId} · {VENDOR_LABEL[report.vendorSource] ?? report.vendorSource} · {report.day}
        </h2>
        <dl className="facts">
          <dt>Listed by the vendor</dt>
          <dd>{c.listed}</dd>
          <dt>Archived and verified</dt>
          <dd>{c.matched}</dd>
          <dt>Quarantined</dt>
          <dd>{c.quarantined}</dd>
          <dt>Missing / re-driven</dt>
          <dd>
            {c.missing} / {c.redriven}
          </dd>
          <dt>Pending</dt>
          <dd>{c.pending}</dd>
          <dt>Extra</dt>
          <dd>{c.extra}</dd>
          <dt>Mismatched</dt>
          <dd>{c.mismatched}</dd>
          <dt>Run</dt>
          <dd>
            {formatDateTime(report.startedAt)} – {formatDateTime(report.completedAt)}
          </dd>
          <dt>Signed document</dt>
          <dd className="mono">
            s3://{report.storage.bucket}/{report.storage.key} (version {report.storage.versionId ?? '—'}), SHA-256 {report.sha256}, key{' '}
            {report.storage.keyId}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="rd-findings">
        <h2 id="rd-findings">Findings</h2>
        {report.findings.length === 0 ? (
          <p className="muted">Every listed recording is archived and agrees with its stored version.</p>
        ) : (
          <TableScroll label="Findings">
            <table className="data" aria-label="Findings" data-testid="reconciliation-findings">
              <thead>
                <tr>
                  <th scope="col">Finding</th>
                  <th scope="col">Vendor recording</th>
                  <th scope="col">Interaction</th>
                  <th scope="col">Archive status</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {report.findings.map((f) => (
                  <tr key={`${f.kind}:${f.vendorRecordingId}`}>
                    <td>{KIND_LABEL[f.kind] ?? f.kind}</td>
                    <td className="mono">{f.vendorRecordingId}</td>
                    <td className="mono">{f.interactionId ?? '—'}</td>
                    <td>{f.archiveStatus ?? 'none'}</td>
                    <td>{f.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
