'use client';
// "Add to matter…": a modal dialog (native <dialog>: the page behind is inert, Escape cancels) to choose one of
// the matters or open a new one by reference and name. The matter API checks the role and each recording's
// region and audits the addition; the caller hears how many were added and how many were already there.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { HOLD_STATE_LABEL } from '@/components/matters/matter-list';
import { useAddToMatter, type TAddToMatterOutcome, type TMatterTarget } from '@/hooks/use-add-to-matter';
import { useMatters, type TMatterSummary } from '@/hooks/use-matters';
import { fieldErrors } from '@/lib/api-client/api-fetch';

const NEW = 'new';
const plural = (n: number) => `${n} recording${n === 1 ? '' : 's'}`;

function NewMatterFields({ id, reference, name, onChange, errors }: TNewMatterProps) {
  return (
    <div className="add-to-matter-new">
      <div className="field">
        <label htmlFor={`${id}-reference`}>Matter reference</label>
        <input
          id={`${id}-reference`}
          value={reference}
          onChange={(e) => onChange({ reference: e.target.value, name })}
          required
          maxLength={200}
        />
        {errors.reference ? <span className="field-error">{errors.reference}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Matter name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => onChange({ reference, name: e.target.value })} required maxLength={200} />
        {errors.name ? <span className="field-error">{errors.name}</span> : null}
      </div>
    </div>
  );
}
type TNewMatterProps = {
  id: string;
  reference: string;
  name: string;
  onChange: (v: { reference: string; name: string }) => void;
  errors: Record<string, string>;
};

/** One radio of the matter choice; the group is required, so the form cannot be sent without a choice. */
function Choice({ group, value, chosen, onChoose, children }: TChoiceProps) {
  return (
    <label className="add-to-matter-choice">
      <input type="radio" name={group} value={value} checked={chosen === value} onChange={() => onChoose(value)} required />
      <span>{children}</span>
    </label>
  );
}
type TChoiceProps = { group: string; value: string; chosen: string; onChoose: (value: string) => void; children: ReactNode };

function describe(matter: TMatterSummary) {
  return (
    <>
      <strong>{matter.reference}</strong> — {matter.name}{' '}
      <span className="muted">
        ({plural(matter.recordingCount)}, {HOLD_STATE_LABEL[matter.holdState].toLowerCase()})
      </span>
    </>
  );
}

export function AddToMatterDialog({
  recordingIds,
  onCancel,
  onAdded,
}: {
  recordingIds: string[];
  onCancel: () => void;
  onAdded: (outcome: TAddToMatterOutcome) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const matters = useMatters();
  const add = useAddToMatter();
  const [choice, setChoice] = useState('');
  const [draft, setDraft] = useState({ reference: '', name: '' });
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const list = matters.data?.matters ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const existing = list.find((m) => m.id === choice);
    const target: TMatterTarget | null =
      choice === NEW
        ? { create: { reference: draft.reference.trim(), name: draft.name.trim() } }
        : existing
          ? { existing: { id: existing.id, reference: existing.reference, name: existing.name } }
          : null;
    if (target) add.mutate({ target, recordingIds }, { onSuccess: onAdded });
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>Add {plural(recordingIds.length)} to a matter</h2>
        <fieldset>
          <legend>Matter</legend>
          <Choice group={id} value={NEW} chosen={choice} onChoose={setChoice}>
            A new matter
          </Choice>
          {choice === NEW ? <NewMatterFields id={id} {...draft} onChange={setDraft} errors={fieldErrors(add.error)} /> : null}
          {matters.isPending ? <p className="muted">Loading matters…</p> : null}
          {matters.isError ? (
            <p className="error" role="alert">
              {matters.error.message}
            </p>
          ) : null}
          <div className="add-to-matter-list">
            {list.map((m) => (
              <Choice key={m.id} group={id} value={m.id} chosen={choice} onChoose={setChoice}>
                {describe(m)}
              </Choice>
            ))}
          </div>
        </fieldset>
        {add.isError ? (
          <p className="error" role="alert">
            {add.error.message}
          </p>
        ) : null}
        <div className="btn-row">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : `Add ${plural(recordingIds.length)}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}
