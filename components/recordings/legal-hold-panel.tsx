'use client';
// Legal hold: current state, history per matter, and (for roles that may) place a matter's hold / lift one
// matter's hold after confirmation.
import { useState, type FormEvent } from 'react';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useConfirm } from '@/components/confirm-dialog';
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
    place.mutate(
      { caseReference: caseReference.trim(), reason: reason.trim() },
      {
        onSuccess: () => {
          setCaseReference('');
          setReason('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Place legal hold">
      <div className="field">
        <label htmlFor="hold-case">Matter (case reference)</label>
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
      {place.isError && Object.keys(errors).length === 0 ? (
        <p className="error" role="alert">
          {place.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** Lifting names one matter and asks for confirmation (typing the matter when it is the last hold); other matters' holds stay in force. */
function LiftForm({ recordingId, hold, others }: { recordingId: string; hold: TLegalHoldView; others: string[] }) {
  const lift = useLiftLegalHold(recordingId);
  const confirm = useConfirm();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(lift.error);
  const id = `lift-reason-${hold.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const last = others.length === 0;
    const body = `The hold of matter ${hold.caseReference} on this recording ends. ${last ? 'No other matter holds it: the media can expire once its retention ends.' : `Matters ${others.join(', ')} keep holding it.`}`;
    const ok = await confirm.ask({
      title: 'Lift legal hold',
      body,
      confirmLabel: `Lift hold of ${hold.caseReference}`,
      destructive: true,
      typedConfirmation: last ? hold.caseReference : undefined,
    });
    if (ok) lift.mutate({ caseReference: hold.caseReference, reason: reason.trim() });
  };
  return (
    <>
      <form onSubmit={(e) => void submit(e)} aria-label={`Lift legal hold of matter ${hold.caseReference}`}>
        <div className="field">
          <label htmlFor={id}>Reason for lifting the hold of matter {hold.caseReference}</label>
          <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
          {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
        </div>
        <button type="submit" className="btn btn-danger" disabled={lift.isPending}>
          {lift.isPending ? 'Lifting…' : `Lift hold of ${hold.caseReference}`}
        </button>
        {lift.isError && Object.keys(errors).length === 0 ? (
          <p className="error" role="alert">
            {lift.error.message}
          </p>
        ) : null}
      </form>
      {confirm.dialog}
    </>
  );
}

export function LegalHoldPanel({
  recordingId,
  onHold,
  holds,
  canManage,
}: {
  recordingId: string;
  onHold: boolean;
  holds: TLegalHoldView[];
  canManage: boolean;
}) {
  const formatDateTime = useFormatDateTime();
  const active = holds.filter((h) => h.active);
  return (
    <section className="panel" aria-labelledby="hold-heading">
      <h2 id="hold-heading">Legal hold</h2>
      <p data-testid="legal-hold-state">
        {onHold ? <strong className="error">On legal hold — cannot expire or be deleted.</strong> : 'Not on legal hold.'}
      </p>
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
      {canManage
        ? active.map((h) => (
            <LiftForm
              key={h.id}
              recordingId={recordingId}
              hold={h}
              others={active.filter((o) => o.id !== h.id).map((o) => o.caseReference)}
            />
          ))
        : null}
      {canManage ? <PlaceForm recordingId={recordingId} /> : null}
    </section>
  );
}
