'use client';
// One quarantine case: why, the evidence side by side, listen, decide.
import Link from 'next/link';
import { useState } from 'react';
import { PlaybackPanel } from '@/components/player/playback-panel';
import { DecisionForm } from '@/components/quarantine/decision-form';
import { formatDateTime, formatDuration, titleCase, VENDOR_LABEL } from '@/components/ui/format';
import { JsonView } from '@/components/ui/json-view';
import type { TQuarantineQueueItem } from '@/lib/recordings/list-quarantine-queue';

/** "measuredDurationSeconds" → "measured duration seconds". */
function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function Evidence({ c }: { c: TQuarantineQueueItem }) {
  const r = c.recording;
  const ev = c.evidence && typeof c.evidence === 'object' && !Array.isArray(c.evidence) ? (c.evidence as Record<string, unknown>) : {};
  const flat = Object.entries(ev).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  return (
    <dl className="facts">
      <dt>Duration (vendor / measured)</dt>
      <dd>
        {formatDuration(r.durationSeconds)} / {formatDuration(r.measuredDurationSeconds)}
        {r.durationSeconds !== null && r.measuredDurationSeconds !== null ? ` (Δ ${(r.measuredDurationSeconds - r.durationSeconds).toFixed(3)} s)` : ''}
      </dd>
      {flat.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{humanize(k)}</dt>
          <dd className="mono">{v === null ? '—' : String(v)}</dd>
        </div>
      ))}
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

export function CaseCard({ c, canDecide, canOpenRecording }: { c: TQuarantineQueueItem; canDecide: boolean; canOpenRecording: boolean }) {
  const [listening, setListening] = useState(false);
  const decidable = c.state === 'OPEN' || c.state === 'ESCALATED';
  const label = `${VENDOR_LABEL[c.recording.vendorSource]} ${c.recording.vendorRecordingId}`;
  return (
    <article className="case-card" aria-labelledby={`case-${c.id}`} data-testid="quarantine-case" data-case-id={c.id}>
      <header>
        <h2 id={`case-${c.id}`} style={{ margin: 0, fontSize: '1.05rem' }}>
          {titleCase(c.reason)} — {label}
        </h2>
        <span className="badge badge-warn">{titleCase(c.state)}</span>
        <span className="muted">opened {formatDateTime(c.createdAt)}</span>
        {canOpenRecording ? <Link href={`/recordings/${c.recording.id}`}>Open recording</Link> : null}
      </header>
      <p>
        {c.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        <span className="muted">
          call started {formatDateTime(c.recording.startTime)}, region {c.recording.dataResidencyRegion ?? '—'}, recording status {titleCase(c.recording.status)}
        </span>
      </p>
      <div className="grid-2">
        <div>
          <h3>Evidence</h3>
          <Evidence c={c} />
          <JsonView value={c.evidence} label={`Evidence for case ${c.id}`} />
        </div>
        <div>
          <h3>Listen</h3>
          {listening ? (
            <PlaybackPanel recordingId={c.recording.id} label={label} />
          ) : (
            <button type="button" className="btn" onClick={() => setListening(true)}>
              Listen to this recording…
            </button>
          )}
          {canDecide && decidable ? (
            <>
              <h3>Decide</h3>
              <DecisionForm caseId={c.id} canEscalate={c.state === 'OPEN'} />
            </>
          ) : null}
          {c.resolvedBy ? <p>Decided by {c.resolvedBy.email} {formatDateTime(c.resolvedAt)}: {c.resolutionNote}</p> : null}
        </div>
      </div>
    </article>
  );
}
