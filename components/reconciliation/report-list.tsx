'use client';

import Link from 'next/link';
import { VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import type { TReportSummary } from '@/lib/reconcile/list-reconciliation-reports';
import { DataTable } from '@/components/ui/data-table';

/** Reconciliation history: one row per run, anything not accounted for highlighted. */
export function ReportList({ reports }: { reports: TReportSummary[] }) {
  const formatDateTime = useFormatDateTime();
  if (reports.length === 0) return <p className="muted">No reconciliation has run yet. Each vendor account is reconciled daily.</p>;
  return (
    <DataTable
      label="Reconciliation reports"
      testId="reconciliation-reports"
      columns={[
        'Day',
        'Account',
        { label: 'Listed', num: true },
        { label: 'Archived', num: true },
        { label: 'Quarantined', num: true },
        { label: 'Missing (re-driven)', num: true },
        { label: 'Pending', num: true },
        { label: 'Extra', num: true },
        { label: 'Mismatched', num: true },
        'Completed',
      ]}
    >
      {reports.map((r) => {
        const c = r.counts;
        const issues = c.missing + c.extra + c.mismatched > 0;
        return (
          <tr key={r.id}>
            <td>
              <Link href={`/reconciliation/${r.id}`}>{r.day}</Link>
            </td>
            <td>
              {r.vendorAccountId} <span className="muted">({VENDOR_LABEL[r.vendorSource] ?? r.vendorSource})</span>
            </td>
            <td className="num">{c.listed}</td>
            <td className="num">{c.matched}</td>
            <td className="num">{c.quarantined}</td>
            <td className={issues && c.missing > 0 ? 'num error' : 'num'}>
              {c.missing} ({c.redriven})
            </td>
            <td className="num">{c.pending}</td>
            <td className={c.extra > 0 ? 'num error' : 'num'}>{c.extra}</td>
            <td className={c.mismatched > 0 ? 'num error' : 'num'}>{c.mismatched}</td>
            <td>{formatDateTime(r.completedAt)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
