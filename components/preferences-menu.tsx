'use client';
// "Preferences" in the header: the time zone every console time is shown in (and date-time filters are
// read in). Saving re-renders the page from the server so every time on it changes at once.
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { ErrorState } from '@/components/ui/query-state';
import { useTimeZone } from '@/components/ui/time-zone';
import { useUpdatePreferences } from '@/hooks/use-update-preferences';
import { formatDateTime, listTimeZones } from '@/lib/format/zoned-time';

export function PreferencesMenu() {
  const current = useTimeZone();
  const router = useRouter();
  const update = useUpdatePreferences();
  const [open, setOpen] = useState(false);
  const zones = useMemo(() => listTimeZones(), []);
  const [choice, setChoice] = useState(current);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      { timeZone: choice },
      {
        onSuccess: () => {
          setOpen(false);
          router.refresh();
        },
      },
    );
  }

  return (
    <div className="prefs">
      <button type="button" className="btn btn-quiet" aria-expanded={open} aria-controls="prefs-panel" onClick={() => setOpen((o) => !o)}>
        Preferences
      </button>
      {open ? (
        <form id="prefs-panel" className="prefs-panel panel" onSubmit={onSubmit} aria-label="Preferences">
          <div className="field">
            <label htmlFor="pref-tz">Time zone</label>
            <select id="pref-tz" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span className="hint">Now: {formatDateTime(new Date(), choice)}</span>
          </div>
          {update.isError ? <ErrorState error={update.error} /> : null}
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
