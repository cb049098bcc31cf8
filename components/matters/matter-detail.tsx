'use client';
// A matter: what it holds, its recordings (paged, masked per role), actions for those who may, evidence
// packages with their status, and the matter's history.
import Link from 'next/link';
import { useState } from 'react';
import { AddRecordingsForm } from '@/components/matters/add-recordings-form';
import { EvidencePackages } from '@/components/matters/evidence-packages';
import { HoldAllForm } from '@/components/matters/hold-all-form';
import { HOLD_STATE_LABEL } from '@/components/matters/matter-list';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useMatterData } from '@/hooks/use-matter-data';
import type { getMatter } from '@/lib/legal-hold/get-matter';
import type { TMatterRecordingItem } from '@/lib/legal-hold/list-matter-recordings';
import type { TAuditEntryView } from '@/lib/audit/to-audit-entry-view';
import { TableScroll } from '@/components/ui/table-scroll';

type TMatter = Awaited<ReturnType<typeof getMatter>>;
const LIMIT = 25;

function Recordings({ id }: { id: string }) {
  const formatDateTime = useFormatDateTime();
  const [page, setPage] = useState(1);
  const q = useMatterData<{ items: TMatterRecordingItem[]; total: number }>(
    id,
    'recordings',
    `/api/matters/${id}/recordings?page=${page}&limit=${LIMIT}`,
  );
  if (q.isError)
    return (
      <p className="error" role="alert">
        {q.error.message}
      </p>
    );
  if (!q.data) return <p className="muted">Loading…</p>;
  const pages = Math.max(1, Math.ceil(q.data.total / LIMIT));
  return (
    <>
      <TableScroll label="Recordings of this matter">
        <table className="data" aria-label="Recordings of this matter" data-testid="matter-recordings">
          <thead>
            <tr>
              <th scope="col">Archive id</th>
              <th scope="col">Start</th>
              <th scope="col">Participants</th>
              <th scope="col">Held by this matter</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/recordings/${r.id}`}>{r.archiveId}</Link>
                </td>
                <td>{formatDateTime(r.startTime)}</td>
                <td>{r.participants.map((p) => p.identifier ?? p.displayName ?? '—').join(', ')}</td>
                <td>{r.heldByMatter ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav className="pager" aria-label="Recordings pages">
        <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span>
          Page {page} of {pages} ({q.data.total} recordings)
        </span>
        <button type="button" className="btn" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </nav>
    </>
  );
}

function History({ id }: { id: string }) {
  const formatDateTime = useFormatDateTime();
  const q = useMatterData<{ entries: TAuditEntryView[] }>(id, 'history', `/api/matters/${id}/history`);
  if (q.isError)
    return (
      <p className="error" role="alert">
        {q.error.message}
      </p>
    );
  if (!q.data) return <p className="muted">Loading…</p>;
  return (
    <ol className="audit-list" aria-label="Matter history" data-testid="matter-history">
      {q.data.entries.map((e) => (
        <li key={e.sequence}>
          <span>{formatDateTime(e.occurredAt)}</span> <strong>{e.action}</strong> <span className="muted">#{e.sequence}</span>
        </li>
      ))}
    </ol>
  );
}

export function MatterDetail({ initial }: { initial: TMatter }) {
  const formatDateTime = useFormatDateTime();
  const q = useMatterData<TMatter>(initial.id, 'summary', `/api/matters/${initial.id}`);
  const m = q.data ?? initial;
  return (
    <>
      <h1>
        Matter {m.reference}: {m.name}
      </h1>
      <p className="muted">
        {HOLD_STATE_LABEL[m.holdState]} — {m.heldCount} of {m.recordingCount} recordings held by this matter
        {m.heldOutsideCount ? `; it also holds ${m.heldOutsideCount} recordings not added to it` : ''}. Opened {formatDateTime(m.createdAt)}{' '}
        by {m.createdBy}.
      </p>
      {m.allowed.manage ? (
        <section className="panel" aria-label="Manage">
          <h2>Recordings and legal hold</h2>
          <AddRecordingsForm matterId={m.id} />
          <HoldAllForm matterId={m.id} mode="place" count={m.recordingCount} />
          <HoldAllForm matterId={m.id} mode="release" count={m.recordingCount} />
        </section>
      ) : null}
      {m.allowed.package ? (
        <section className="panel">
          <h2>Evidence packages</h2>
          <EvidencePackages matterId={m.id} recordingCount={m.recordingCount} />
        </section>
      ) : null}
      <section className="panel">
        <h2>Recordings</h2>
        <Recordings id={m.id} />
      </section>
      <section className="panel">
        <h2>History</h2>
        <History id={m.id} />
      </section>
    </>
  );
}
