'use client';
// Recording detail: canonical metadata, storage facts, playback, legal hold, quarantine cases,
// raw vendor payloads and the audit history — all as the server masked them for this role.
import Link from 'next/link';
import { PlaybackPanel } from '@/components/player/playback-panel';
import { AuditHistory } from '@/components/recordings/audit-history';
import { LegalHoldPanel } from '@/components/recordings/legal-hold-panel';
import { RestorePanel } from '@/components/recordings/restore-panel';
import { RecordingFacts, StorageFacts } from '@/components/recordings/recording-facts';
import { titleCase, VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { JsonView } from '@/components/ui/json-view';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { LegalHoldBadge, StatusBadge } from '@/components/ui/status-badge';
import { useRecording } from '@/hooks/use-recording';
import { useRecordingPeaks } from '@/hooks/use-recording-peaks';
import { channelRoles } from '@/lib/media/peaks-lanes';

export function RecordingDetail({ id }: { id: string }) {
  const formatDateTime = useFormatDateTime();
  const recording = useRecording(id);
  // Fetched alongside the detail (not after it), so the waveform is drawn as soon as the page is.
  useRecordingPeaks(id);
  if (recording.isPending) return <Loading />;
  if (recording.isError) return <ErrorState error={recording.error} retry={() => void recording.refetch()} />;
  const r = recording.data;
  return (
    <>
      <p>
        <Link href="/recordings">← Archive</Link>
      </p>
      <h1>
        {VENDOR_LABEL[r.vendorSource]} recording <span className="mono">{r.vendorRecordingId}</span>
      </h1>
      <p className="btn-row">
        <StatusBadge status={r.status} /> <LegalHoldBadge active={r.legalHold} />
        {r.allowed.unmasked ? null : <span className="muted">Customer identifiers are masked for your role.</span>}
      </p>
      {r.allowed.play ? (
        <section className="panel" aria-labelledby="play-heading">
          <h2 id="play-heading">Playback</h2>
          <RestorePanel recordingId={r.id} />
          <PlaybackPanel
            recordingId={r.id}
            label={`${VENDOR_LABEL[r.vendorSource]} ${r.vendorRecordingId}`}
            roles={channelRoles(r.rawPayloads.map((p) => p.payload))}
          />
        </section>
      ) : null}
      <div className="grid-2">
        <RecordingFacts r={r} />
        <div>
          <StorageFacts r={r} />
          <LegalHoldPanel recordingId={r.id} onHold={r.legalHold} holds={r.legalHolds} canManage={r.allowed.manageLegalHold} />
        </div>
      </div>
      {r.quarantineCases.length > 0 ? (
        <section className="panel" aria-labelledby="cases-heading">
          <h2 id="cases-heading">Quarantine cases</h2>
          {r.quarantineCases.map((c) => (
            <div key={c.id} className="case-card">
              <header>
                <strong>{titleCase(c.reason)}</strong> <span className="badge badge-info">{titleCase(c.state)}</span>
                <span className="muted">opened {formatDateTime(c.createdAt)}</span>
                <span className="mono muted">case {c.id}</span>
              </header>
              {c.resolvedBy ? (
                <p>
                  Resolved by {c.resolvedBy} {formatDateTime(c.resolvedAt)}: {c.resolutionNote}
                </p>
              ) : null}
              <JsonView value={c.evidence} label="Quarantine evidence" />
            </div>
          ))}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="raw-heading">
        <h2 id="raw-heading">Raw vendor payloads</h2>
        {r.rawPayloads.length === 0 ? <p className="muted">None stored.</p> : null}
        {r.rawPayloads.map((p) => (
          <div key={p.id}>
            <h3>
              {p.kind}{' '}
              <span className="muted">
                schema {p.schemaVersion}, received {formatDateTime(p.receivedAt)}, sha256{' '}
                <span className="mono">{p.sha256.slice(0, 16)}…</span>
              </span>
            </h3>
            <JsonView value={p.payload} label={`Raw payload ${p.kind}`} />
          </div>
        ))}
      </section>
      {r.allowed.viewAudit ? <AuditHistory recordingId={r.id} /> : null}
    </>
  );
}
