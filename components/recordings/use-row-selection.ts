'use client';
import { useCallback, useState } from 'react';

const NONE: ReadonlySet<string> = new Set();

export type TRowSelection = {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Selects (on) or deselects every id given, e.g. all rows shown. */
  setMany: (ids: readonly string[], on: boolean) => void;
  clear: () => void;
};

/** Rows chosen by id; a new `scope` (another search) starts with nothing selected. */
export function useRowSelection(scope: string): TRowSelection {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: NONE });
  const update = useCallback(
    (change: (ids: Set<string>) => void) =>
      setState((s) => {
        const ids = new Set(s.scope === scope ? s.ids : NONE);
        change(ids);
        return { scope, ids };
      }),
    [scope],
  );
  return {
    selected: state.scope === scope ? state.ids : NONE,
    toggle: (id) => update((ids) => (ids.has(id) ? ids.delete(id) : ids.add(id))),
    setMany: (list, on) => update((ids) => list.forEach((id) => (on ? ids.add(id) : ids.delete(id)))),
    clear: () => update((ids) => ids.clear()),
  };
}
