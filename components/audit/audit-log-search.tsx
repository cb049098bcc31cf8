'use client';
// The auditor's search over the whole audit trail: actor, action, subject and time range; paged on the server.
import { useState, type FormEvent } from 'react';
import { AuditEntryList } from '@/components/audit/audit-entry-item';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useAuditSearch, type TAuditSearchParams } from '@/hooks/use-audit-search';
import { useTimeZone } from '@/components/ui/time-zone';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import { AUDIT_ACTION_NAMES, AUDIT_SUBJECT_TYPES } from '@/lib/audit/actions';
import { zonedToUtc } from '@/lib/format/zoned-time';

const FAMILIES = [...new Set(AUDIT_ACTION_NAMES.map((a) => `${a.split('.')[0]}.`))].sort();

/** A datetime-local value, read in the user's time zone → the UTC instant as ISO 8601. */
const utc = (local: string, zone: string) => (local ? zonedToUtc(local, zone)?.toISOString() : undefined);

export function AuditLogSearch() {
  const zone = useTimeZone();
  const [form, setForm] = useState({ actor: '', action: '', subjectType: '', subjectId: '', from: '', to: '' });
  const [params, setParams] = useState<TAuditSearchParams | null>(null);
  const search = useAuditSearch(params);
  const errors = fieldErrors(search.error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    setParams({ ...form, from: utc(form.from, zone), to: utc(form.to, zone), page: 1 });
  }
  const go = (page: number) => params && setParams({ ...params, page });
  const data = search.data;
  return (
    <section className="panel" aria-labelledby="audit-search-heading">
      <h2 id="audit-search-heading">Search the audit log</h2>
      <form onSubmit={submit} aria-label="Audit log search">
        <div className="filters">
          <div className="field">
            <label htmlFor="as-actor">Actor (email or id)</label>
            <input id="as-actor" value={form.actor} onChange={set('actor')} />
          </div>
          <div className="field">
            <label htmlFor="as-action">Action</label>
            <select id="as-action" value={form.action} onChange={set('action')}>
              <option value="">Any action</option>
              <optgroup label="Families">
                {FAMILIES.map((f) => (
                  <option key={f} value={f}>{`${f}*`}</option>
                ))}
              </optgroup>
              <optgroup label="Actions">
                {[...AUDIT_ACTION_NAMES].sort().map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            </select>
            {errors.action ? <span className="field-error">{errors.action}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="as-subject-type">Subject type</label>
            <select id="as-subject-type" value={form.subjectType} onChange={set('subjectType')}>
              <option value="">Any subject</option>
              {AUDIT_SUBJECT_TYPES.map((s) => (
                <option key={s} value={s}>
                  {s.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="as-subject-id">Subject id</label>
            <input id="as-subject-id" value={form.subjectId} onChange={set('subjectId')} />
          </div>
          <div className="field">
            <label htmlFor="as-from">From ({zone})</label>
            <input id="as-from" type="datetime-local" value={form.from} onChange={set('from')} />
          </div>
          <div className="field">
            <label htmlFor="as-to">To ({zone}, exclusive)</label>
            <input id="as-to" type="datetime-local" value={form.to} onChange={set('to')} />
            {errors.to ? <span className="field-error">{errors.to}</span> : null}
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </form>
      {params === null ? <p className="hint">Every search is recorded in the audit log.</p> : null}
      {search.isPending && params !== null ? <Loading /> : null}
      {search.isError && Object.keys(errors).length === 0 ? <ErrorState error={search.error} retry={() => void search.refetch()} /> : null}
      {data && data.entries.length === 0 ? <Empty>No audit entries match.</Empty> : null}
      {data && data.entries.length > 0 ? (
        <>
          <p className="muted" role="status">
            {data.total.toLocaleString('en-US')} entries match; page {data.page} of {data.pages}.
          </p>
          <AuditEntryList entries={data.entries} label="Audit log entries" testId="audit-log-results" />
          <nav className="pager" aria-label="Audit log pages">
            <button type="button" className="btn" disabled={data.page <= 1 || search.isFetching} onClick={() => go(data.page - 1)}>
              Previous page
            </button>
            <button type="button" className="btn" disabled={data.page >= data.pages || search.isFetching} onClick={() => go(data.page + 1)}>
              Next page
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
