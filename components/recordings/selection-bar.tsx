'use client';
// What is selected in the search results and what can be done with it: add it to a matter. The outcome stays
// on screen (how many were added, how many the matter already had) with a link to the matter.
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { AddToMatterDialog } from '@/components/recordings/add-to-matter-dialog';
import type { TAddToMatterOutcome } from '@/hooks/use-add-to-matter';

export function SelectionBar({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<TAddToMatterOutcome | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus goes back to the action once the dialog is gone (while it is open, the page behind it is inert).
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  const count = selected.length;
  return (
    <section className="bulk-bar" aria-label="Selected recordings">
      <div className="btn-row">
        <span aria-live="polite" data-testid="selection-count">
          {count} selected
        </span>
        <button
          ref={trigger}
          type="button"
          className="btn btn-primary"
          disabled={count === 0}
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
        >
          Add to matter…
        </button>
        <button type="button" className="btn btn-quiet" disabled={count === 0} onClick={onClear}>
          Clear selection
        </button>
        {count === 0 ? <span className="hint">Tick recordings to add them to a matter.</span> : null}
      </div>
      {outcome ? (
        <p role="status" data-testid="add-to-matter-outcome">
          Matter {outcome.matter.reference}: {outcome.added} added, {outcome.alreadyInMatter} already in the matter.{' '}
          <Link href={`/matters/${outcome.matter.id}`}>Open matter {outcome.matter.reference}</Link>
        </p>
      ) : null}
      {open ? (
        <AddToMatterDialog
          recordingIds={selected}
          onCancel={close}
          onAdded={(o) => {
            setOutcome(o);
            close();
          }}
        />
      ) : null}
    </section>
  );
}
