'use client';
// Saved searches on the archive page: apply one (its filter becomes the URL), save the current search
// under a name, delete the chosen one after confirmation.
import { useState, type FormEvent } from 'react';
import { ErrorState } from '@/components/ui/query-state';
import { useSaveSearch } from '@/hooks/use-save-search';
import { useSavedSearches } from '@/hooks/use-saved-searches';
import { filterToParams, type TSavedFilter } from '@/lib/recordings/search-filter';

export function SavedSearchesBar({ current, onApply }: { current: TSavedFilter | null; onApply: (params: URLSearchParams) => void }) {
  const list = useSavedSearches();
  const save = useSaveSearch();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const saved = list.data?.savedSearches ?? [];

  function apply(id: string) {
    setChosen(id);
    const found = saved.find((s) => s.id === id);
    if (found) onApply(filterToParams(found.filter));
  }
  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current || !name.trim()) return;
    save.mutate({ name: name.trim(), filter: current }, { onSuccess: () => setName('') });
  }
  function onDelete() {
    const found = saved.find((s) => s.id === chosen);
    if (found && window.confirm(`Delete the saved search "${found.name}"?`))
      save.mutate({ deleteId: found.id }, { onSuccess: () => setChosen('') });
  }

  return (
    <div className="panel saved-searches">
      <div className="field">
        <label htmlFor="saved-search">Saved searches</label>
        <select id="saved-search" value={chosen} onChange={(e) => apply(e.target.value)} disabled={saved.length === 0}>
          <option value="">{saved.length === 0 ? 'None saved yet' : 'Choose one to apply…'}</option>
          {saved.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <button type="button" className="btn" onClick={onDelete} disabled={save.isPending}>
          Delete saved filters
        </button>
      ) : null}
      <form onSubmit={onSave} className="saved-search-save" aria-label="Save these filters">
        <div className="field">
          <label htmlFor="saved-search-name">Save these filters as</label>
          <input id="saved-search-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={!current || !name.trim() || save.isPending}>
          Save filters
        </button>
      </form>
      {list.isError ? <ErrorState error={list.error} /> : null}
      {save.isError ? <ErrorState error={save.error} /> : null}
    </div>
  );
}
