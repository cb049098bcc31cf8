'use client';
// The recording's audit trail: every ingestion attempt, storage step, playback, hold and decision.
import { formatDateTime } from '@/components/ui/format';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useRecordingAudit } from '@/hooks/use-recording-audit';

export function AuditHistory({ recordingId }: { recordingId: string }) {
  const audit = useRecordingAudit(recordingId, true);
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit history</h2>
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <ErrorState error={audit.error} retry={() => void audit.refetch()} /> : null}
      {audit.data && audit.data.entries.length === 0 ? <Empty>No audit entries for this recording yet.</Empty> : null}
      {audit.data && audit.data.entries.length > 0 ? (
        <table className="data" aria-label="Audit entries" data-testid="audit-history">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.entries.map((e) => (
              <tr key={e.sequence}>
                <td className="num">{e.sequence}</td>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td className="mono">{e.action}</td>
                <td>
                  {e.actorType}:{e.actorId}
                </td>
                <td className="mono">{JSON.stringify(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
