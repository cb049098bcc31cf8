'use client';
// Archive health at a glance: what was archived, how far behind each vendor account is, what waits for
// people (quarantine, dead letters, the oldest delivery not yet archived) and the last reconciliations.
// Sections the viewer's role may not see are not sent by the API and not shown.
import { LineChart } from '@/components/ui/line-chart';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useDashboard } from '@/hooks/use-dashboard';
import type { TDashboard } from '@/lib/dashboard/get-dashboard';
import { TableScroll } from '@/components/ui/table-scroll';

const day = (t: number) => new Date(t).toISOString().slice(5, 10);

function age(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function Figures({ d }: { d: TDashboard }) {
  const unarchived = d.oldestUnarchived;
  return (
    <dl className="stats" aria-label="Archive figures">
      <Stat label="Archived today (UTC)" value={d.archive.today} testId="archived-today" />
      <Stat label="Archived this week" value={d.archive.thisWeek} testId="archived-week" />
      {d.quarantine ? <Stat label="Open quarantine cases" value={d.quarantine.open} testId="quarantine-open" /> : null}
      {d.deadLetters ? <Stat label="Dead letters" value={d.deadLetters.open} testId="dead-letters" /> : null}
      {unarchived !== undefined ? (
        <Stat
          label="Oldest delivery not archived"
          value={unarchived ? `${age(unarchived.ageSeconds)} (${unarchived.pending} waiting)` : 'none'}
          testId="oldest-unarchived"
        />
      ) : null}
    </dl>
  );
}

function Ingestion({ rows }: { rows: NonNullable<TDashboard['ingestion']> }) {
  const formatDateTime = useFormatDateTime();
  return (
    <section className="panel" aria-labelledby="lag-heading">
      <h2 id="lag-heading">Ingestion lag per vendor account</h2>
      <TableScroll label="Ingestion lag">
        <table className="data" aria-label="Ingestion lag">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Last delivery received</th>
              <th scope="col">Last recording archived</th>
              <th scope="col">Lag</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.vendorAccountId}>
                <td>{r.name}</td>
                <td>{formatDateTime(r.lastReceivedAt)}</td>
                <td>{formatDateTime(r.lastArchivedAt)}</td>
                <td className="num">{age(r.lagSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Quarantine({ q }: { q: NonNullable<TDashboard['quarantine']> }) {
  return (
    <section className="panel" aria-labelledby="q-heading">
      <h2 id="q-heading">Open quarantine by reason</h2>
      {q.byReason.length === 0 ? (
        <p className="muted">No open cases.</p>
      ) : (
        <ul aria-label="Open quarantine cases by reason">
          {q.byReason.map((r) => (
            <li key={r.reason}>
              {r.reason.replaceAll('_', ' ').toLowerCase()}: <strong>{r.open}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reconciliation({ rows }: { rows: NonNullable<TDashboard['reconciliation']> }) {
  return (
    <section className="panel" aria-labelledby="rec-heading">
      <h2 id="rec-heading">Last reconciliation per vendor account</h2>
      {rows.length === 0 ? (
        <p className="muted">No reconciliation has run yet.</p>
      ) : (
        <TableScroll label="Last reconciliation">
          <table className="data" aria-label="Last reconciliation">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Day</th>
                <th scope="col">Listed</th>
                <th scope="col">Matched</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.vendorAccountId}>
                  <td>{r.vendorAccountId}</td>
                  <td>{r.day}</td>
                  <td className="num">{r.listed}</td>
                  <td className="num">{r.matched}</td>
                  <td>
                    {r.clean ? (
                      <span className="badge badge-ok">Complete</span>
                    ) : (
                      <span className="badge badge-warn">{`${r.missing} missing, ${r.mismatched} mismatched, ${r.pending} pending`}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export function ArchiveDashboard() {
  const dashboard = useDashboard();
  const formatDateTime = useFormatDateTime();
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} retry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const points = d.archive.perDay.map((p) => ({ t: Date.parse(`${p.day}T00:00:00Z`), v: p.archived }));
  return (
    <>
      <Figures d={d} />
      <section className="panel" aria-labelledby="per-day-heading">
        <h2 id="per-day-heading">Archived per day (last {d.archive.perDay.length} days)</h2>
        <LineChart
          title="Recordings archived per day"
          unit="recordings"
          formatT={day}
          zoneNote="UTC"
          series={[{ name: 'Archived', points }]}
        />
      </section>
      {d.ingestion ? <Ingestion rows={d.ingestion} /> : null}
      {d.quarantine ? <Quarantine q={d.quarantine} /> : null}
      {d.reconciliation ? <Reconciliation rows={d.reconciliation} /> : null}
      <p className="hint">Updated {formatDateTime(d.generatedAt)}; refreshes every 30 seconds.</p>
    </>
  );
}
