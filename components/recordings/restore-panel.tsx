'use client';
// Cold storage: a recording in an archive class plays only once retrieved. Shows the storage class and the
// retrieval status, and offers "Retrieve" with a stated reason (audited). Renders nothing for hot recordings.
import { useState, type FormEvent } from 'react';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useRequestRestore } from '@/hooks/use-request-restore';
import { useRestoreState } from '@/hooks/use-restore-state';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import { PLAYBACK_REASON_MIN } from '@/lib/playback/playback-request';

export function RestorePanel({ recordingId }: { recordingId: string }) {
  const formatDateTime = useFormatDateTime();
  const state = useRestoreState(recordingId);
  const retrieve = useRequestRestore(recordingId);
  const [reason, setReason] = useState('');
  const s = state.data;
  if (!s?.cold) return null;
  const inputId = `restore-reason-${recordingId}`;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    retrieve.mutate(reason.trim());
  }
  const errors = fieldErrors(retrieve.error);
  return (
    <div className="panel" data-testid="restore-panel" data-restore={s.restore}>
      <p role="status" aria-live="polite">
        In cold storage (<code>{s.storageClass}</code>).{' '}
        {s.restore === 'not_requested' ? 'Retrieve it before playing; retrieval takes minutes to hours.' : null}
        {s.restore === 'in_progress' ? 'Retrieval in progress; playback is possible once it completes.' : null}
        {s.restore === 'available'
          ? `Retrieved${s.restoredUntil ? ` until ${formatDateTime(s.restoredUntil)}` : ''}: playback is possible.`
          : null}
      </p>
      {s.restore === 'not_requested' ? (
        <form onSubmit={onSubmit} className="field">
          <label htmlFor={inputId}>Reason for retrieving (recorded in the audit trail)</label>
          <textarea id={inputId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          <div className="btn-row">
            <button type="submit" className="btn" disabled={reason.trim().length < PLAYBACK_REASON_MIN || retrieve.isPending}>
              {retrieve.isPending ? 'Requesting…' : 'Retrieve'}
            </button>
          </div>
          {retrieve.isError ? (
            <p className="error" role="alert">
              {errors.reason ?? retrieve.error.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
