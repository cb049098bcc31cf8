'use client';
import { VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { CopyId } from '@/components/copy-id';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useExtraVersions } from '@/hooks/use-extra-versions';
import { DataTable } from '@/components/ui/data-table';

const REASON: Record<string, string> = {
  lost_race: 'written by an attempt that lost to a concurrent one',
  superseded_by_other_bytes: 'earlier bytes, replaced by what the vendor serves now',
  checksum_mismatch: 'read-back never matched what was sent',
  stray_write: 'completed by a download that was cut',
};

export function ExtraVersionsPanel() {
  const formatDateTime = useFormatDateTime();
  const extra = useExtraVersions();
  return (
    <section className="panel" aria-labelledby="xv-heading">
      <h2 id="xv-heading">Extra storage versions{extra.data ? ` (${extra.data.total})` : ''}</h2>
      <p className="muted">Locked versions that are not a recording&apos;s media. Retention keeps them until it ends; none is hidden.</p>
      {extra.isPending ? <Loading /> : null}
      {extra.isError ? <ErrorState error={extra.error} retry={() => void extra.refetch()} /> : null}
      {extra.data && extra.data.items.length === 0 ? <Empty>None.</Empty> : null}
      {extra.data && extra.data.items.length > 0 ? (
        <DataTable
          label="Extra storage versions"
          testId="extra-versions"
          columns={['When', 'Recording', 'Object version', 'Why it exists']}
        >
          {extra.data.items.map((v) => (
            <tr key={v.id}>
              <td>{formatDateTime(v.createdAt)}</td>
              <td>
                {v.vendorRecordingId} <span className="muted">({VENDOR_LABEL[v.vendorSource]})</span>
              </td>
              <td>
                <CopyId value={`s3://${v.bucket}/${v.key}`} label="object" />
                <br />
                <CopyId value={v.versionId} label="version id" />
              </td>
              <td>{REASON[v.reason] ?? v.reason}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
