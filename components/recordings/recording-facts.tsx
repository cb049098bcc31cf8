// Definition lists of the canonical record and its storage facts.
import { formatBytes, formatDuration, titleCase } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import type { TRecordingDetail } from '@/lib/recordings/types';

export function RecordingFacts({ r }: { r: TRecordingDetail }) {
  const formatDateTime = useFormatDateTime();
  const delta = r.durationSeconds !== null && r.measuredDurationSeconds !== null ? r.measuredDurationSeconds - r.durationSeconds : null;
  return (
    <section className="panel" aria-labelledby="meta-heading">
      <h2 id="meta-heading">Canonical metadata</h2>
      <dl className="facts">
        <dt>Archive id</dt>
        <dd className="mono">{r.archiveId}</dd>
        <dt>Idempotency key</dt>
        <dd className="mono">{r.idempotencyKey}</dd>
        <dt>Interaction</dt>
        <dd className="mono">{r.interactionId ?? '—'}</dd>
        <dt>Vendor account</dt>
        <dd>{r.vendorAccountId ?? '—'}</dd>
        <dt>Start / end</dt>
        <dd>
          {formatDateTime(r.startTime)} → {formatDateTime(r.endTime)}
        </dd>
        <dt>Duration (vendor)</dt>
        <dd>
          {formatDuration(r.durationSeconds)}
          {r.durationSeconds !== null ? ` (${r.durationSeconds} s)` : ''}
        </dd>
        <dt>Duration (measured)</dt>
        <dd>
          {formatDuration(r.measuredDurationSeconds)}
          {r.measuredDurationSeconds !== null ? ` (${r.measuredDurationSeconds} s)` : ''}
          {delta !== null ? <span className={Math.abs(delta) > 2 ? 'error' : 'muted'}> Δ {delta.toFixed(3)} s</span> : null}
        </dd>
        <dt>Direction</dt>
        <dd>{r.direction ? titleCase(r.direction) : '—'}</dd>
        <dt>Participants</dt>
        <dd>
          {r.participants.map((p, i) => (
            <div key={i} data-testid="participant">
              {titleCase(p.role)}: {p.displayName ?? '—'} <span className="mono">{p.identifier ?? ''}</span>
            </div>
          ))}
        </dd>
        <dt>Compliance tags</dt>
        <dd>
          {r.complianceTags.length
            ? r.complianceTags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))
            : '—'}
        </dd>
        <dt>Residency region</dt>
        <dd>{r.dataResidencyRegion ?? '—'}</dd>
        <dt>Media format</dt>
        <dd>{r.mediaFormat ?? '—'}</dd>
        <dt>Vendor schema</dt>
        <dd>{r.rawVendorPayloadVersion ?? '—'}</dd>
        <dt>Ingested / archived</dt>
        <dd>
          {formatDateTime(r.ingestedAt)} / {formatDateTime(r.archivedAt)}
        </dd>
      </dl>
    </section>
  );
}

export function StorageFacts({ r }: { r: TRecordingDetail }) {
  const formatDateTime = useFormatDateTime();
  return (
    <section className="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <dl className="facts">
        <dt>Location</dt>
        <dd className="mono">{r.storage.location ?? '—'}</dd>
        <dt>Version</dt>
        <dd className="mono">{r.storage.versionId ?? '—'}</dd>
        <dt>SHA-256</dt>
        <dd className="mono">{r.storage.checksumSha256 ?? '—'}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(r.storage.sizeBytes)}</dd>
        <dt>Retention</dt>
        <dd>
          {r.retention.policyName ?? '—'}; retain until {formatDateTime(r.retention.retainUntil)}
        </dd>
      </dl>
    </section>
  );
}
