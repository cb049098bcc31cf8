'use client';
// One row per recording: when, vendor, who, vendor vs measured duration, tags, status and legal hold.
import Link from 'next/link';
import { formatDuration, titleCase, VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { LegalHoldBadge, StatusBadge } from '@/components/ui/status-badge';
import type { TRecordingListItem } from '@/lib/recordings/types';

function DurationCell({ vendor, measured }: { vendor: number | null; measured: number | null }) {
  const mismatch = vendor !== null && measured !== null && Math.abs(vendor - measured) > 2;
  return (
    <>
      <span title="Vendor's stated duration">{formatDuration(vendor)}</span>
      <br />
      <span className={mismatch ? 'error' : 'muted'} title="Measured from the stored media">
        measured {formatDuration(measured)}
        {mismatch ? ' (mismatch)' : ''}
      </span>
    </>
  );
}

export function ResultsTable({ items }: { items: TRecordingListItem[] }) {
  const formatDateTime = useFormatDateTime();
  return (
    <table className="data" aria-label="Recordings">
      <thead>
        <tr>
          <th scope="col">Start</th>
          <th scope="col">Vendor / id</th>
          <th scope="col">Participants</th>
          <th scope="col">Duration</th>
          <th scope="col">Tags</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="recording-row">
            <td>
              <Link href={`/recordings/${r.id}`}>{r.startTime ? formatDateTime(r.startTime) : 'No start time'}</Link>
              <br />
              <span className="muted">{r.direction ? titleCase(r.direction) : 'direction unknown'}</span>
            </td>
            <td>
              {VENDOR_LABEL[r.vendorSource]}
              <br />
              <span className="mono muted">{r.vendorRecordingId}</span>
            </td>
            <td>
              {r.participants.map((p, i) => (
                <div key={i}>
                  <span className="muted">{titleCase(p.role)}:</span> {p.displayName ?? '—'} <span className="mono">{p.identifier ?? ''}</span>
                </div>
              ))}
            </td>
            <td>
              <DurationCell vendor={r.durationSeconds} measured={r.measuredDurationSeconds} />
            </td>
            <td>
              {r.complianceTags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
              {r.dataResidencyRegion ? <span className="muted"> region {r.dataResidencyRegion}</span> : null}
            </td>
            <td>
              <StatusBadge status={r.status} /> <LegalHoldBadge active={r.legalHold} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
