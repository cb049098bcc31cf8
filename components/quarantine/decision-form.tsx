'use client';
// Accept with a note, re-fetch from the vendor, or escalate: one note, three decisions, each confirmed.
import { useState } from 'react';
import { ConfirmDialog } from '@/components/quarantine/confirm-dialog';
import { useResolveQuarantineCase, type TDecision } from '@/hooks/use-resolve-quarantine-case';
import { fieldErrors } from '@/lib/api-client/api-fetch';

const LABEL: Record<TDecision, string> = { accept: 'Accept', refetch: 'Re-fetch', escalate: 'Escalate' };
const CONSEQUENCE: Record<TDecision, string> = {
  accept: 'The recording is kept as it is, with its quarantine tag; the case closes.',
  refetch: 'The recording is downloaded again from the vendor and checked; the old version stays stored.',
  escalate: 'The case stays open for a senior decision.',
};

export function DecisionForm({ caseId, canEscalate }: { caseId: string; canEscalate: boolean }) {
  const resolve = useResolveQuarantineCase();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<TDecision | null>(null);
  const noteId = `note-${caseId}`;
  const errors = fieldErrors(resolve.error);
  const confirm = () => {
    if (pending) resolve.mutate({ caseId, decision: pending, note: note.trim() }, { onSettled: () => setPending(null) });
  };
  const empty = note.trim().length < 3;
  return (
    <div role="group" aria-label="Decision">
      <h3>Decide</h3>
      <div className="field">
        <label htmlFor={noteId}>Decision note (recorded in the audit trail)</label>
        <textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        {errors.note ? <span className="field-error">{errors.note}</span> : null}
      </div>
      <div className="btn-row">
        {(['accept', 'refetch', 'escalate'] as const)
          .filter((d) => d !== 'escalate' || canEscalate)
          .map((d) => (
            <button
              key={d}
              type="button"
              className={d === 'accept' ? 'btn btn-primary' : 'btn'}
              disabled={empty || resolve.isPending}
              onClick={() => setPending(d)}
            >
              {LABEL[d]}
            </button>
          ))}
        {empty ? <span className="hint">Write a note (3+ characters) to decide.</span> : null}
      </div>
      {resolve.isError && !errors.note ? (
        <p className="error" role="alert">
          {resolve.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${LABEL[pending]} this case?` : ''}
        confirmLabel={pending ? `${LABEL[pending]} case` : 'Confirm'}
        busy={resolve.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending ? <p>{CONSEQUENCE[pending]} The decision and note go into the audit trail.</p> : null}
      </ConfirmDialog>
    </div>
  );
}
