'use client';
// Accept with a note, re-fetch from the vendor, or escalate: one note, three decisions.
import { useState } from 'react';
import { useResolveQuarantineCase, type TDecision } from '@/hooks/use-resolve-quarantine-case';
import { fieldErrors } from '@/lib/api-client/api-fetch';

const LABEL: Record<TDecision, string> = { accept: 'Accept', refetch: 'Re-fetch', escalate: 'Escalate' };

export function DecisionForm({ caseId, canEscalate }: { caseId: string; canEscalate: boolean }) {
  const resolve = useResolveQuarantineCase();
  const [note, setNote] = useState('');
  const noteId = `note-${caseId}`;
  const errors = fieldErrors(resolve.error);
  const decide = (decision: TDecision) => resolve.mutate({ caseId, decision, note: note.trim() });
  const empty = note.trim().length < 3;
  return (
    <div aria-label="Decision">
      <div className="field">
        <label htmlFor={noteId}>Decision note (recorded in the audit trail)</label>
        <textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        {errors.note ? <span className="field-error">{errors.note}</span> : null}
      </div>
      <div className="btn-row">
        {(['accept', 'refetch', 'escalate'] as const)
          .filter((d) => d !== 'escalate' || canEscalate)
          .map((d) => (
            <button key={d} type="button" className={d === 'accept' ? 'btn btn-primary' : 'btn'} disabled={empty || resolve.isPending} onClick={() => decide(d)}>
              {LABEL[d]}
            </button>
          ))}
        {empty ? <span className="hint">Write a note (3+ characters) to decide.</span> : null}
      </div>
      {resolve.isError && !errors.note ? <p className="error" role="alert">{resolve.error.message}</p> : null}
    </div>
  );
}
