'use client';
// One quarantine case: the problem in words (facts from the stored evidence), the recording, the raw
// evidence only behind a disclosure, listen, assignment, and the decision. Refreshes while a re-fetch runs.
import Link from 'next/link';
import { useState } from 'react';
import { PlaybackPanel } from '@/components/player/playback-panel';
import { AssignControl } from '@/components/quarantine/assign-control';
import { CaseStatus } from '@/components/quarantine/case-status';
import { DecisionForm } from '@/components/quarantine/decision-form';
import { titleCase, VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { JsonView } from '@/components/ui/json-view';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { useQuarantineCase } from '@/hooks/use-quarantine-case';
import type { TQuarantineQueueItem } from '@/lib/quarantine/list-quarantine-queue';

const DECIDABLE = ['OPEN', 'ESCALATED', 'REFETCH_FAILED'];
const ACTIVE = [...DECIDABLE, 'REFETCH_REQUESTED'];

function Facts({ c }: { c: TQuarantineQueueItem }) {
  const formatDateTime = useFormatDateTime();
  const r = c.recording;
  return (
    <dl className="facts">
      {c.summary.facts.map((f, i) => (
        <div key={`${f.label}-${i}`} style={{ display: 'contents' }}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
      <dt>Call started</dt>
      <dd>{formatDateTime(r.startTime)}</dd>
      <dt>Region</dt>
      <dd>{r.dataResidencyRegion ?? '—'}</dd>
      <dt>Recording status</dt>
      <dd>{titleCase(r.status)}</dd>
      <dt>Participants</dt>
      <dd>
        {r.participants.map((p, i) => (
          <div key={i}>
            {titleCase(p.role)}: {p.displayName ?? '—'} <span className="mono">{p.identifier ?? ''}</span>
          </div>
        ))}
      </dd>
    </dl>
  );
}

export function CaseDetail({ id, canDecide, canOpenRecording }: { id: string; canDecide: boolean; canOpenRecording: boolean }) {
  const formatDateTime = useFormatDateTime();
  const query = useQuarantineCase(id);
  const [listening, setListening] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const c = query.data;
  const label = `${VENDOR_LABEL[c.recording.vendorSource]} ${c.recording.vendorRecordingId}`;
  return (
    <article aria-labelledby="case-title" data-case-id={c.id}>
      <p>
        <Link href="/quarantine">← Back to the queue</Link>
      </p>
      <h1 id="case-title">
        {titleCase(c.reason)} — {label}
      </h1>
      <p>
        <CaseStatus c={c} /> <span className="muted">quarantined {formatDateTime(c.createdAt)}</span>{' '}
        {canOpenRecording ? <Link href={`/recordings/${c.recording.id}`}>Open recording</Link> : null}
      </p>
      <p className="case-headline" data-testid="case-summary">
        {c.summary.headline}
      </p>
      <div className="grid-2">
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">Evidence</h2>
          <Facts c={c} />
          <details>
            <summary>Raw evidence (JSON)</summary>
            <JsonView value={c.evidence} label={`Raw evidence for case ${c.id}`} />
          </details>
        </section>
        <section aria-labelledby="work-title">
          <h2 id="work-title">Listen and decide</h2>
          {listening ? (
            <PlaybackPanel recordingId={c.recording.id} label={label} />
          ) : (
            <button type="button" className="btn" onClick={() => setListening(true)}>
              Listen to this recording…
            </button>
          )}
          {canDecide && ACTIVE.includes(c.state) ? <AssignControl caseId={c.id} assignedTo={c.assignedTo} /> : null}
          {canDecide && DECIDABLE.includes(c.state) ? <DecisionForm caseId={c.id} canEscalate={c.state !== 'ESCALATED'} /> : null}
          {c.resolvedBy ? (
            <p>
              Decided by {c.resolvedBy.email} {formatDateTime(c.resolvedAt)}: {c.resolutionNote}
            </p>
          ) : c.resolutionNote ? (
            <p>Last note: {c.resolutionNote}</p>
          ) : null}
        </section>
      </div>
    </article>
  );
}
