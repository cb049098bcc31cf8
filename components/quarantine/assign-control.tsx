'use client';
// Who works this case: assign it to yourself or a reviewer, or unassign it.
import { useState } from 'react';
import { useAssignQuarantineCase } from '@/hooks/use-assign-quarantine-case';
import { useQuarantineReviewers } from '@/hooks/use-quarantine-reviewers';

export function AssignControl({ caseId, assignedTo }: { caseId: string; assignedTo: { id: string; email: string } | null }) {
  const assign = useAssignQuarantineCase();
  const reviewers = useQuarantineReviewers(true);
  const [choice, setChoice] = useState('');
  const selectId = `assignee-${caseId}`;
  return (
    <div aria-label="Assignment" role="group">
      <p>
        Assigned to: <strong data-testid="case-assignee">{assignedTo ? assignedTo.email : 'nobody'}</strong>
      </p>
      <div className="btn-row">
        <button type="button" className="btn" disabled={assign.isPending} onClick={() => assign.mutate({ caseId, assignee: 'me' })}>
          Assign to me
        </button>
        <label htmlFor={selectId} className="sr-only">
          Reviewer to assign
        </label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a reviewer…</option>
          {(reviewers.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={!choice || assign.isPending}
          onClick={() => assign.mutate({ caseId, assignee: choice })}
        >
          Assign
        </button>
        {assignedTo ? (
          <button
            type="button"
            className="btn btn-quiet"
            disabled={assign.isPending}
            onClick={() => assign.mutate({ caseId, assignee: null })}
          >
            Unassign
          </button>
        ) : null}
      </div>
      {assign.isError ? (
        <p className="error" role="alert">
          {assign.error.message}
        </p>
      ) : null}
    </div>
  );
}
