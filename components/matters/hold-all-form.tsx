'use client';
import { useState, type FormEvent } from 'react';
import { useMatterAction } from '@/hooks/use-matter-action';

/** Place or release the matter's hold on all its recordings: a reason, then a confirmation stating the count. */
export function HoldAllForm({ matterId, mode, count }: { matterId: string; mode: 'place' | 'release'; count: number }) {
  const action = useMatterAction<{ changed: number; unchanged: number }>(
    `/api/matters/${matterId}/hold${mode === 'release' ? '/release' : ''}`,
  );
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const verb = mode === 'place' ? 'Hold all' : 'Release all';
  const id = `hold-all-${mode}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirming) return setConfirming(true);
    action.mutate({ reason: reason.trim(), expectedCount: count }, { onSettled: () => setConfirming(false) });
  };
  return (
    <form onSubmit={submit} aria-label={`${verb} recordings of this matter`}>
      <div className="field">
        <label htmlFor={id}>Reason ({verb.toLowerCase()})</label>
        <textarea
          id={id}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
          required
          minLength={3}
          maxLength={2000}
        />
      </div>
      {confirming ? (
        <p role="alert" data-testid={`${id}-confirmation`}>
          {mode === 'place'
            ? `Place this matter's legal hold on all ${count} recordings? Storage will refuse to delete them until the hold is released.`
            : `Release this matter's legal hold on all ${count} recordings? Recordings another matter holds stay held.`}
        </p>
      ) : null}
      <button type="submit" className={mode === 'place' ? 'btn btn-primary' : 'btn btn-danger'} disabled={action.isPending || count === 0}>
        {action.isPending ? 'Working…' : confirming ? `Confirm: ${verb.toLowerCase()} ${count}` : `${verb} (${count})`}
      </button>
      {action.isSuccess ? (
        <p role="status">
          {action.data.changed} changed, {action.data.unchanged} already so.
        </p>
      ) : null}
      {action.isError ? (
        <p className="error" role="alert">
          {action.error.message}
        </p>
      ) : null}
    </form>
  );
}
