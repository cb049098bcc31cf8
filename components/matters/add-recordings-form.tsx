'use client';
import { useState, type FormEvent } from 'react';
import { useMatterAction } from '@/hooks/use-matter-action';
import { useSavedSearches } from '@/hooks/use-saved-searches';

/**
 * Adds recordings by id (one per line) or by an archive search: paste the search page's address and every
 * recording its filters find is added (the search's own filter schema, checked on the server), or by one of
 * the user's saved searches.
 */
export function AddRecordingsForm({ matterId }: { matterId: string }) {
  const add = useMatterAction<{ added: number; alreadyInMatter: number }>(`/api/matters/${matterId}/recordings`);
  const [text, setText] = useState('');
  const [savedSearchId, setSavedSearchId] = useState('');
  const saved = useSavedSearches();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (savedSearchId) return add.mutate({ savedSearchId });
    const value = text.trim();
    const query = value.includes('?') ? value.slice(value.indexOf('?') + 1) : null;
    if (query !== null) {
      const params = new URLSearchParams(query);
      const filter: Record<string, string | string[]> = {};
      for (const key of new Set(params.keys())) filter[key] = key === 'tag' ? params.getAll(key) : params.get(key)!;
      add.mutate({ filter });
    } else add.mutate({ recordingIds: value.split(/[\s,]+/).filter(Boolean) });
  };
  return (
    <form onSubmit={submit} aria-label="Add recordings to this matter">
      <div className="field">
        <label htmlFor="add-recordings">Recording ids (one per line), or the address of an archive search</label>
        <textarea
          id="add-recordings"
          value={text}
          onChange={(e) => setText(e.target.value)}
          required={!savedSearchId}
          disabled={Boolean(savedSearchId)}
          maxLength={50_000}
        />
      </div>
      {saved.data && saved.data.savedSearches.length > 0 ? (
        <div className="field">
          <label htmlFor="add-saved-search">Or every recording a saved search finds</label>
          <select id="add-saved-search" value={savedSearchId} onChange={(e) => setSavedSearchId(e.target.value)}>
            <option value="">—</option>
            {saved.data.savedSearches.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add recordings'}
      </button>
      {add.isSuccess ? (
        <p role="status">
          {add.data.added} added, {add.data.alreadyInMatter} already in the matter.
        </p>
      ) : null}
      {add.isError ? (
        <p className="error" role="alert">
          {add.error.message}
        </p>
      ) : null}
    </form>
  );
}
