'use client';
// The matter's evidence packages: build one (after confirmation), follow its status, download it when done.
import { useState } from 'react';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useMatterAction } from '@/hooks/use-matter-action';
import { useMatterData } from '@/hooks/use-matter-data';
import type { listEvidencePackages } from '@/lib/evidence/list-evidence-packages';
import { DataTable } from '@/components/ui/data-table';

type TPackages = { packages: Awaited<ReturnType<typeof listEvidencePackages>> };
const settled = (s: string) => s === 'completed' || s === 'failed';

export function EvidencePackages({ matterId, recordingCount }: { matterId: string; recordingCount: number }) {
  const formatDateTime = useFormatDateTime();
  const build = useMatterAction<{ id: string }>('/api/evidence-packages');
  const [confirming, setConfirming] = useState(false);
  const q = useMatterData<TPackages>(matterId, 'packages', `/api/evidence-packages?matterId=${matterId}`, (d) =>
    d?.packages.every((p) => settled(p.status)) ? false : 2000,
  );
  return (
    <>
      {confirming ? (
        <p role="alert">
          Build an evidence package of all {recordingCount} recordings? It is stored Object-Locked and every download is audited.
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={build.isPending || recordingCount === 0}
        onClick={() => (confirming ? build.mutate({ matterId }, { onSettled: () => setConfirming(false) }) : setConfirming(true))}
      >
        {confirming ? `Confirm: build package (${recordingCount})` : 'Build evidence package'}
      </button>
      {build.isError ? (
        <p className="error" role="alert">
          {build.error.message}
        </p>
      ) : null}
      {q.data && q.data.packages.length > 0 ? (
        <DataTable
          label="Evidence packages"
          testId="evidence-packages"
          columns={['Requested', 'By', { label: 'Recordings', num: true }, 'Identifiers', 'Status', 'File']}
        >
          {q.data.packages.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.createdAt)}</td>
              <td>{p.requestedBy}</td>
              <td className="num">{p.recordingCount}</td>
              <td>{p.identifiers}</td>
              <td data-testid="package-status">
                {p.status}
                {p.error ? `: ${p.error}` : ''}
              </td>
              <td>
                {p.status === 'completed' ? (
                  <a href={`/api/evidence-packages/${p.id}/download`} download>
                    Download (.tar)
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
