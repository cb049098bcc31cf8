'use client';
// Jobs that failed every attempt, with a replay button (confirmed first, audited server-side).
import { useState } from 'react';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useConfirm } from '@/components/confirm-dialog';
import { CopyId } from '@/components/copy-id';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useDeadLetters } from '@/hooks/use-dead-letters';
import { useReplayDeadLetter } from '@/hooks/use-replay-dead-letter';
import { TableScroll } from '@/components/ui/table-scroll';

export function DeadLettersPanel() {
  const formatDateTime = useFormatDateTime();
  const [state, setState] = useState<'open' | 'replayed' | 'all'>('open');
  const letters = useDeadLetters(state);
  const replay = useReplayDeadLetter();
  const confirm = useConfirm();
  const askReplay = async (d: { id: string; jobName: string; queue: string; idempotencyKey: string | null; jobId: string }) => {
    const body = `${d.jobName} for ${d.idempotencyKey ?? d.jobId} goes back on ${d.queue} and runs through the normal pipeline again. An object version already stored and verified is reused, never written twice.`;
    if (await confirm.ask({ title: 'Replay dead letter', body, count: 1, itemLabel: ['job', 'jobs'], confirmLabel: 'Replay' }))
      replay.mutate(d.id);
  };
  return (
    <section className="panel" aria-labelledby="dl-heading">
      <h2 id="dl-heading">Dead letters</h2>
      <div className="btn-row">
        <label htmlFor="dl-state">Show</label>
        <select id="dl-state" value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="open">Not replayed</option>
          <option value="replayed">Replayed</option>
          <option value="all">All</option>
        </select>
      </div>
      {replay.isError ? (
        <p className="error" role="alert">
          Replay failed: {replay.error.message}
        </p>
      ) : null}
      {letters.isPending ? <Loading /> : null}
      {letters.isError ? <ErrorState error={letters.error} retry={() => void letters.refetch()} /> : null}
      {letters.data && letters.data.items.length === 0 ? <Empty>No dead letters.</Empty> : null}
      {letters.data && letters.data.items.length > 0 ? (
        <TableScroll label="Dead letters">
          <table className="data" aria-label="Dead letters" data-testid="dead-letters">
            <thead>
              <tr>
                <th scope="col">Failed</th>
                <th scope="col">Queue / job</th>
                <th scope="col">Recording</th>
                <th scope="col">Reason</th>
                <th scope="col">Replay</th>
              </tr>
            </thead>
            <tbody>
              {letters.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td className="mono">
                    {d.queue}
                    <br />
                    {d.jobName} ({d.attemptsMade} attempts)
                  </td>
                  <td>{d.idempotencyKey ? <CopyId value={d.idempotencyKey} label="idempotency key" /> : '—'}</td>
                  <td>{d.failedReason}</td>
                  <td>
                    {d.replayedAt ? (
                      `Replayed ${formatDateTime(d.replayedAt)} by ${d.replayedBy ?? '?'}`
                    ) : (
                      <button
                        type="button"
                        className="btn"
                        disabled={replay.isPending}
                        onClick={() => void askReplay(d)}
                        aria-label={`Replay ${d.idempotencyKey ?? d.jobId}`}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {confirm.dialog}
    </section>
  );
}
