'use client';
// Audit export scope: a date range, recordings, a quarantine case — or nothing for the whole chain.
import { useState, type FormEvent } from 'react';
import type { TExportScopeInput } from '@/hooks/use-start-audit-export';

export function ExportForm({
  onStart,
  pending,
  errors,
}: {
  onStart: (scope: TExportScopeInput) => void;
  pending: boolean;
  errors: Record<string, string>;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [recordingIds, setRecordingIds] = useState('');
  const [caseId, setCaseId] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const ids = recordingIds
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    onStart({
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(ids.length ? { recordingIds: ids } : {}),
      ...(caseId.trim() ? { quarantineCaseId: caseId.trim() } : {}),
    });
  }
  const err = (key: string) => Object.entries(errors).find(([k]) => k === key || k.startsWith(`${key}.`))?.[1];
  return (
    <form className="panel" onSubmit={submit} aria-label="Audit export scope">
      <p className="muted">Entries matching every field you fill in are exported. Leave all empty to export the whole audit chain.</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="x-from">From (UTC day)</label>
          <input id="x-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          {err('from') ? <span className="field-error">{err('from')}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="x-to">To (UTC day, inclusive)</label>
          <input id="x-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          {err('to') ? <span className="field-error">{err('to')}</span> : null}
        </div>
        <div className="field wide">
          <label htmlFor="x-recordings">Recording ids</label>
          <textarea
            id="x-recordings"
            value={recordingIds}
            onChange={(e) => setRecordingIds(e.target.value)}
            placeholder="One per line or comma-separated"
          />
          {err('recordingIds') ? <span className="field-error">{err('recordingIds')}</span> : null}
        </div>
        <div className="field wide">
          <label htmlFor="x-case">Quarantine case id</label>
          <input id="x-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} />
          {err('quarantineCaseId') ? <span className="field-error">{err('quarantineCaseId')}</span> : null}
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Starting…' : 'Start export'}
      </button>
    </form>
  );
}
