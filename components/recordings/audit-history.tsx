'use client';
// The recording's audit trail: every ingestion attempt, storage step, playback, hold and decision.
import { AuditEntryList } from '@/components/audit/audit-entry-item';
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
        <AuditEntryList entries={audit.data.entries} label="Audit entries" testId="audit-history" />
      ) : null}
    </section>
  );
}
