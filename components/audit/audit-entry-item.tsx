// One audit entry for people: when, who, the registry's readable line, and the raw details behind a disclosure.
import { useFormatDateTime } from '@/components/ui/time-zone';
import type { TAuditEntryView } from '@/lib/audit/to-audit-entry-view';

export type TAuditEntryItem = TAuditEntryView & { actor?: { name: string; email: string } | null };

function actorLabel(e: TAuditEntryItem): string {
  if (e.actor) return `${e.actor.name} (${e.actor.email})`;
  return `${e.actorType} ${e.actorId}`;
}

export function AuditEntryItem({ entry }: { entry: TAuditEntryItem }) {
  const formatDateTime = useFormatDateTime();
  return (
    <li className="audit-entry" data-testid="audit-entry">
      <div className="audit-entry-head">
        <span className="muted num">#{entry.sequence}</span>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
        <span className="tag mono">{entry.action}</span>
        <span className="muted">{actorLabel(entry)}</span>
      </div>
      <p className="audit-entry-line" data-testid="audit-entry-line">
        {entry.description}
      </p>
      {entry.maskedAtWrite?.length ? (
        <p className="muted" data-testid="audit-entry-masked-note">
          Customer identifiers in {entry.maskedAtWrite.join(', ')} were masked when this entry was written (a salted SHA-256 commitment to
          the original is kept beside it); the original stays in its own record.
        </p>
      ) : null}
      {entry.openings?.length ? (
        <ul className="audit-entry-openings" data-testid="audit-entry-openings">
          {entry.openings.map((o) => (
            <li key={o.field}>
              <span className="mono">{o.field}</span> as typed: {o.original} —{' '}
              <strong data-testid="audit-entry-opening-check">{o.matches ? 'matches the trail' : 'does not match the trail'}</strong>
              <details>
                <summary>Salt</summary>
                <code className="mono">{o.saltHex}</code>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>Raw details</summary>
        <pre className="json">
          {JSON.stringify({ subject: `${entry.subjectType} ${entry.subjectId}`, ...(entry.details as object) }, null, 2)}
        </pre>
      </details>
    </li>
  );
}

export function AuditEntryList({ entries, label, testId }: { entries: TAuditEntryItem[]; label: string; testId?: string }) {
  return (
    <ol className="audit-entries" aria-label={label} data-testid={testId}>
      {entries.map((e) => (
        <AuditEntryItem key={e.sequence} entry={e} />
      ))}
    </ol>
  );
}
