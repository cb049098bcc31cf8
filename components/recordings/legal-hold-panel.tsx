'use client';
// Legal hold: current state, history, and (for roles that may) place with a case reference / lift.
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/components/ui/format';
import { useLiftLegalHold } from '@/hooks/use-lift-legal-hold';
import { usePlaceLegalHold } from '@/hooks/use-place-legal-hold';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import type { TLegalHoldView } from '@/lib/recordings/types';

function PlaceForm({ recordingId }: { recordingId: string }) {
  const place = usePlaceLegalHold(recordingId);
  const [caseReference, setCaseReference] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(place.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate({ caseReference: caseReference.trim(), reason: reason.trim() }, { onSuccess: () => { setCaseReference(''); setReason(''); } });
  };
  return (
    <form onSubmit={submit} aria-label="Place legal hold">
      <div className="field">
        <label htmlFor="hold-case">Case reference</label>
        <input id="hold-case" value={caseReference} onChange={(e) => setCaseReference(e.target.value)} required maxLength={120} />
        {errors.caseReference ? <span className="field-error">{errors.caseReference}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="hold-reason">Reason</label>
        <textarea id="hold-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
        {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={place.isPending}>
        {place.isPending ? 'Placing…' : 'Place legal hold'}
      </button>
      {place.isError && Object.keys(errors).length === 0 ? <p className="error" role="alert">{place.error.message}</p> : null}
    </form>
  );
}

function LiftForm({ recordingId }: { recordingId: string }) {
  const lift = useLiftLegalHold(recordingId);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(lift.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); lift.mutate({ reason: reason.trim() }); }} aria-label="Lift legal hold">
      <div className="field">
        <label htmlFor="lift-reason">Reason for lifting</label>
        <textarea id="lift-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
        {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
      </div>
      <button type="submit" className="btn btn-danger" disabled={lift.isPending}>
        {lift.isPending ? 'Lifting…' : 'Lift legal hold'}
      </button>
      {lift.isError && Object.keys(errors).length === 0 ? <p className="error" role="alert">{lift.error.message}</p> : null}
    </form>
  );
}

export function LegalHoldPanel({ recordingId, onHold, holds, canManage }: { recordingId: string; onHold: boolean; holds: TLegalHoldView[]; canManage: boolean }) {
  return (
    <section className="panel" aria-labelledby="hold-heading">
      <h2 id="hold-heading">Legal hold</h2>
      <p data-testid="legal-hold-state">{onHold ? <strong className="error">On legal hold — cannot expire or be deleted.</strong> : 'Not on legal hold.'}</p>
      {holds.length > 0 ? (
        <ul>
          {holds.map((h) => (
            <li key={h.id}>
              <strong>{h.caseReference}</strong> — {h.reason} (placed by {h.placedBy}, {formatDateTime(h.placedAt)})
              {h.active ? '' : `; lifted by ${h.liftedBy ?? '?'} ${formatDateTime(h.liftedAt)}: ${h.liftReason ?? ''}`}
            </li>
          ))}
        </ul>
      ) : null}
      {canManage ? onHold ? <LiftForm recordingId={recordingId} /> : <PlaceForm recordingId={recordingId} /> : null}
    </section>
  );
}
