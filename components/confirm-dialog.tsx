'use client';
// The console's one confirmation for privileged and destructive actions. A native modal <dialog>
// (showModal) makes the rest of the page inert, so focus stays inside; Escape cancels. The dialog says
// what will happen and to how many items; the most destructive actions also ask the user to type a
// word (e.g. the email of the account) before the confirm button is enabled.
//
//   const confirm = useConfirm();
//   ...
//   if (await confirm.ask({ title: 'Disable user', body: `x@y can no longer sign in.`, confirmLabel: 'Disable', destructive: true })) mutate();
//   ...
//   return <>{...}{confirm.dialog}</>;
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export type TConfirmOptions = {
  /** Short heading naming the action, e.g. "Change role". */
  title: string;
  /** What will happen, in a sentence or two (consequences included). */
  body: ReactNode;
  /** How many items the action applies to; shown as "This applies to N items." when given. */
  count?: number;
  /** Noun for `count` (default "item"/"items"). */
  itemLabel?: [singular: string, plural: string];
  /** Label of the confirming button (a verb: "Disable", "Replay"). */
  confirmLabel: string;
  /** Styles the confirm button as dangerous. */
  destructive?: boolean;
  /** When set, the user must type exactly this text before confirming. */
  typedConfirmation?: string;
};

type TConfirmDialogProps = TConfirmOptions & {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

function countSentence(count: number, itemLabel: [string, string] = ['item', 'items']) {
  return `This applies to ${count} ${count === 1 ? itemLabel[0] : itemLabel[1]}.`;
}

export function ConfirmDialog({
  open,
  title,
  body,
  count,
  itemLabel,
  confirmLabel,
  destructive,
  typedConfirmation,
  onConfirm,
  onCancel,
}: TConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const ready = typedConfirmation === undefined || typed === typedConfirmation;
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => setTyped('')}
      onCancel={(e) => {
        // Escape: close through our state so the caller learns the answer.
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          // React bubbles submit through the component tree: a dialog rendered inside a caller's form
          // must not submit that form too.
          e.preventDefault();
          e.stopPropagation();
          if (ready) onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>
          <div>{body}</div>
          {count === undefined ? null : <p data-testid="confirm-count">{countSentence(count, itemLabel)}</p>}
        </div>
        {typedConfirmation === undefined ? null : (
          <div className="field">
            <label htmlFor={`${id}-typed`}>
              Type <strong className="mono">{typedConfirmation}</strong> to confirm
            </label>
            <input id={`${id}-typed`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
        )}
        <div className="btn-row">
          {/* Cancel is the first button, so showModal() focuses it (or the typed field): Enter never confirms by accident. */}
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={destructive ? 'btn btn-danger' : 'btn btn-primary'} disabled={!ready}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * One dialog per component: `ask(options)` opens it and resolves true (confirmed) or false (cancelled,
 * Escape). Render `dialog` once in the component's output.
 */
export function useConfirm(): { ask: (options: TConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  // Stays mounted after an answer, so the native dialog closes itself and hands focus back.
  const [state, setState] = useState<{ options: TConfirmOptions; open: boolean } | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (options: TConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setState({ options, open: true });
      }),
    [],
  );
  const settle = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setState((s) => (s ? { ...s, open: false } : s));
  };
  const dialog = state ? (
    <ConfirmDialog {...state.options} open={state.open} onConfirm={() => settle(true)} onCancel={() => settle(false)} />
  ) : null;
  return { ask, dialog };
}
