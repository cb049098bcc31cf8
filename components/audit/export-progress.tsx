'use client';
// A running or finished export: progress, download, and the command that verifies it offline.
import { useFormatDateTime } from '@/components/ui/time-zone';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { useAuditExport } from '@/hooks/use-audit-export';

export function ExportProgress({ id, verifyKeyArg }: { id: string; verifyKeyArg: string }) {
  const formatDateTime = useFormatDateTime();
  const exp = useAuditExport(id);
  if (exp.isPending) return <Loading label="Loading export…" />;
  if (exp.isError) return <ErrorState error={exp.error} retry={() => void exp.refetch()} />;
  const x = exp.data;
  const filename = `callvault-audit-${x.id}.jsonl`;
  return (
    <section className="panel" aria-labelledby="export-heading" data-testid="export-status" data-status={x.status}>
      <h2 id="export-heading">Export {x.id}</h2>
      <p role="status" aria-live="polite">
        {x.status === 'queued' ? 'Queued — waiting for a worker…' : null}
        {x.status === 'running'
          ? `Running${x.attempts > 1 ? ` (attempt ${x.attempts})` : ''} — ${x.entryCount} entries written so far…`
          : null}
        {x.status === 'completed'
          ? `Completed ${formatDateTime(x.completedAt)}: ${x.entryCount} entries (sequence ${x.firstSequence ?? '—'} to ${x.lastSequence ?? '—'}).`
          : null}
        {x.status === 'failed' ? <span className="error">Failed: {x.error ?? 'unknown error'}</span> : null}
      </p>
      <p className="muted">
        Scope <code>{JSON.stringify(x.scope)}</code>, requested by {x.requestedBy.email} {formatDateTime(x.createdAt)}
      </p>
      {x.status === 'completed' ? (
        <>
          <p>
            <a className="btn btn-primary" href={`/api/audit/exports/${x.id}/download`} download={filename}>
              Download bundle
            </a>
          </p>
          <p>
            Manifest SHA-256 (also recorded in the audit trail): <code>{x.manifestSha256}</code>
          </p>
          {x.retainUntil ? (
            <p className="muted">The stored bundle is kept until {formatDateTime(x.retainUntil)}; after that, start a new export.</p>
          ) : null}
          <h3>Verify it offline</h3>
          <pre className="json" tabIndex={0} aria-label="Verify command" data-testid="verify-command">
            {`node callvault-verify-bundle.mjs ${verifyKeyArg} ${filename}`}
          </pre>
          <p className="hint">
            Exit code 0 means the signatures verify under the published keys, the chain is continuous, every sequence of the range is in a
            named signed checkpoint and none in scope was left out; otherwise it names the first bad line. Keys:{' '}
            <a href="/audit/keys">audit signing keys</a>; the verifier is built with <code>npm run build:verifier</code>.
          </p>
        </>
      ) : null}
    </section>
  );
}
