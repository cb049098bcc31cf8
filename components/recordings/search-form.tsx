'use client';
// Archive search filters. Submitting writes them into the URL, so every search is a shareable link.
import type { FormEvent } from 'react';
import { useTimeZone } from '@/components/ui/time-zone';
import { PAGE_SIZES, type TSearchFilter } from '@/lib/recordings/search-filter';

type TFormValues = Partial<Record<keyof TSearchFilter, string | string[] | undefined>>;

const SELECTS: { name: keyof TSearchFilter; label: string; options: [string, string][] }[] = [
  {
    name: 'vendor',
    label: 'Vendor',
    options: [
      ['GENESYS_CLOUD', 'Genesys Cloud'],
      ['NICE_CXONE', 'NICE CXone'],
    ],
  },
  {
    name: 'direction',
    label: 'Direction',
    options: [
      ['INBOUND', 'Inbound'],
      ['OUTBOUND', 'Outbound'],
      ['INTERNAL', 'Internal'],
    ],
  },
  {
    name: 'status',
    label: 'Status',
    options: [
      ['ARCHIVED', 'Archived'],
      ['QUARANTINED', 'Quarantined'],
      ['FAILED', 'Failed'],
      ['RETRYING', 'Retrying'],
      ['PENDING', 'Pending'],
    ],
  },
  {
    name: 'legalHold',
    label: 'Legal hold',
    options: [
      ['true', 'On hold'],
      ['false', 'Not on hold'],
    ],
  },
];

function Field({ id, label, children, hint }: { id: string; label: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}

const SORT_OPTIONS: [string, string][] = [
  ['startTime_desc', 'Newest first'],
  ['startTime_asc', 'Oldest first'],
  ['duration_desc', 'Longest first'],
  ['duration_asc', 'Shortest first'],
  ['vendor_asc', 'Vendor A–Z'],
  ['vendor_desc', 'Vendor Z–A'],
  ['region_asc', 'Region A–Z'],
  ['region_desc', 'Region Z–A'],
];

/**
 * `masked`: the role sees customer identifiers masked, so it gets no customer-number field (the API refuses it too).
 * `regions`: the residency regions this user may search. From/To are read in the user's time zone, which the
 * search carries (tz) so the link means the same instants for whoever opens it.
 */
export function SearchForm({
  values,
  onSearch,
  errors,
  masked = false,
  regions,
}: {
  values: TFormValues;
  onSearch: (params: URLSearchParams) => void;
  errors: Record<string, string>;
  masked?: boolean;
  regions: readonly string[];
}) {
  const userZone = useTimeZone();
  const zone = typeof values.tz === 'string' && values.tz ? values.tz : userZone;
  const v = (key: keyof TSearchFilter) => {
    const value = values[key];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, raw] of new FormData(event.currentTarget).entries()) {
      const value = String(raw).trim();
      if (!value) continue;
      if (key === 'tag')
        value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
          .forEach((t) => params.append('tag', t));
      else params.set(key, value);
    }
    if (params.has('from') || params.has('to')) params.set('tz', zone);
    onSearch(params);
  }
  return (
    <form className="panel" onSubmit={onSubmit} role="search" aria-label="Archive search">
      <div className="filters">
        <div className="wide">
          <Field
            id="f-q"
            label="Free text"
            hint={masked ? 'Recording ids and agents (3+ characters)' : 'Ids, names, numbers (3+ characters)'}
          >
            <input id="f-q" name="q" defaultValue={v('q')} aria-invalid={Boolean(errors.q)} />
          </Field>
        </div>
        <Field id="f-agent" label="Agent (id or name)">
          <input id="f-agent" name="agent" defaultValue={v('agent')} />
        </Field>
        {masked ? null : (
          <Field id="f-customer" label="Customer number" hint="Any format: +1 555 149 8897, (555) 149-8897">
            <input id="f-customer" name="customer" inputMode="tel" defaultValue={v('customer')} />
          </Field>
        )}
        <Field id="f-from" label={`From (${zone})`} hint="Call start, date and time">
          <input
            id="f-from"
            name="from"
            type="datetime-local"
            defaultValue={v('from').length === 10 ? `${v('from')}T00:00` : v('from')}
            aria-invalid={Boolean(errors.from)}
          />
        </Field>
        <Field id="f-to" label={`To (${zone})`} hint="Inclusive">
          <input
            id="f-to"
            name="to"
            type="datetime-local"
            defaultValue={v('to').length === 10 ? `${v('to')}T23:59` : v('to')}
            aria-invalid={Boolean(errors.to)}
          />
        </Field>
        {SELECTS.map((f) => (
          <Field key={f.name} id={`f-${f.name}`} label={f.label}>
            <select id={`f-${f.name}`} name={f.name} defaultValue={v(f.name)}>
              <option value="">Any</option>
              {f.options.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Field id="f-region" label="Residency region">
          <select id="f-region" name="region" defaultValue={v('region')}>
            <option value="">Any</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-tag" label="Compliance tags" hint="Comma-separated; all must match">
          <input id="f-tag" name="tag" defaultValue={v('tag')} />
        </Field>
        <Field id="f-sort" label="Sort">
          <select id="f-sort" name="sort" defaultValue={v('sort') || 'startTime_desc'}>
            {SORT_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-limit" label="Page size">
          <select id="f-limit" name="limit" defaultValue={v('limit') || '50'}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </div>
      </div>
      {Object.keys(errors).length > 0 ? (
        <ul className="error" role="alert">
          {Object.entries(errors).map(([k, m]) => (
            <li key={k}>{m}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
