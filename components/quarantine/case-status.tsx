// A case's state in words, with the re-fetch's progress: queued → running → succeeded, or failed with the reason.
import { titleCase } from '@/components/ui/format';
import type { TQuarantineQueueItem } from '@/lib/quarantine/list-quarantine-queue';

const TONE: Record<string, string> = {
  OPEN: 'badge-warn',
  ESCALATED: 'badge-danger',
  REFETCH_REQUESTED: 'badge-info',
  REFETCH_FAILED: 'badge-danger',
  ACCEPTED: 'badge-ok',
  RESOLVED: 'badge-ok',
};
const LABEL: Record<string, string> = { REFETCH_REQUESTED: 'Re-fetch requested', REFETCH_FAILED: 'Re-fetch failed' };
const REFETCH: Record<string, string> = { QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded (archived)', FAILED: 'failed' };

export function CaseStatus({ c }: { c: Pick<TQuarantineQueueItem, 'state' | 'refetch'> }) {
  const refetch = c.refetch;
  return (
    <span data-testid="case-status">
      <span className={`badge ${TONE[c.state] ?? 'badge-muted'}`}>{LABEL[c.state] ?? titleCase(c.state)}</span>
      {refetch && c.state !== 'REFETCH_FAILED' ? <span className="muted"> re-fetch {REFETCH[refetch.status]}</span> : null}
      {refetch?.status === 'FAILED' && refetch.error ? (
        <>
          <br />
          <span className="error">{refetch.error}</span>
        </>
      ) : null}
    </span>
  );
}
