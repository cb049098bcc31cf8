'use client';
// One decision and one note for the selected cases, confirmed in a dialog that states how many; the answer
// says how many went through and lists any case that was refused (e.g. decided by someone else meanwhile).
import { useState } from 'react';
import { ConfirmDialog } from '@/components/quarantine/confirm-dialog';
import { useBulkQuarantineDecision, type TBulkDecision } from '@/hooks/use-bulk-quarantine-decision';

const VERB: Record<TBulkDecision, { button: string; done: string }> = {
  accept: { button: 'Accept', done: 'accepted' },
  refetch: { button: 'Re-fetch', done: 'sent for re-fetch' },
};

const plural = (n: number) => `${n} case${n === 1 ? '' : 's'}`;

export function BulkDecisionBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const bulk = useBulkQuarantineDecision();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<TBulkDecision | null>(null);
  const empty = note.trim().length < 3;
  const count = selected.length;
  const confirm = () => {
    if (!pending) return;
    bulk.mutate(
      { caseIds: selected, decision: pending, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          onDone();
        },
        onSettled: () => setPending(null),
      },
    );
  };
  const outcome = bulk.data;
  return (
    <section className="bulk-bar" aria-label="Decide the selected cases">
      <div className="field">
        <label htmlFor="bulk-note">Note for the {plural(count)} selected (recorded in the audit trail of each)</label>
        <textarea id="bulk-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
      </div>
      <div className="btn-row">
        {(['accept', 'refetch'] as const).map((d) => (
          <button
            key={d}
            type="button"
            className={d === 'accept' ? 'btn btn-primary' : 'btn'}
            disabled={empty || count === 0 || bulk.isPending}
            onClick={() => setPending(d)}
          >
            {VERB[d].button} {plural(count)}
          </button>
        ))}
        {empty ? <span className="hint">Write a note (3+ characters) to decide.</span> : null}
      </div>
      {bulk.isError ? (
        <p className="error" role="alert">
          {bulk.error.message}
        </p>
      ) : null}
      {outcome ? (
        <div role="status" data-testid="bulk-outcome">
          <p>
            {plural(outcome.decided)} {VERB[bulk.variables?.decision ?? 'accept'].done}
            {outcome.failed > 0 ? `; ${plural(outcome.failed)} refused:` : '.'}
          </p>
          {outcome.failed > 0 ? <ul>{outcome.results.flatMap((r) => (r.ok ? [] : [<li key={r.caseId}>{r.message}</li>]))}</ul> : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${VERB[pending].button} ${plural(count)}?` : ''}
        confirmLabel={pending ? `${VERB[pending].button} ${plural(count)}` : 'Confirm'}
        busy={bulk.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>
          Each case gets this decision and note as its own audit entry{pending === 'refetch' ? ', and a new download from the vendor' : ''}.
          This cannot be undone.
        </p>
        <blockquote className="muted">{note.trim()}</blockquote>
      </ConfirmDialog>
    </section>
  );
}
