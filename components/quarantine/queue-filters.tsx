'use client';
// The queue's filters: state, reason, age against the SLA, vendor, region and assignee ("mine", "unassigned",
// or a reviewer). Every change goes back to page 1; the server applies them.
import { titleCase, VENDOR_LABEL } from '@/components/ui/format';
import type { TQueueQuery } from '@/hooks/use-quarantine-queue';
import { useQuarantineReviewers } from '@/hooks/use-quarantine-reviewers';
import { QUARANTINE_REASONS } from '@/lib/quarantine/quarantine-query';

const STATES: [string, string][] = [
  ['ACTIVE', 'Needs work (open, escalated, re-fetching, re-fetch failed)'],
  ['OPEN', 'Open'],
  ['ESCALATED', 'Escalated'],
  ['REFETCH_REQUESTED', 'Re-fetch requested'],
  ['REFETCH_FAILED', 'Re-fetch failed'],
  ['ACCEPTED', 'Accepted'],
  ['RESOLVED', 'Resolved'],
  ['ALL', 'All'],
];

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function QueueFilters({
  query,
  onChange,
  regions,
  slaHours,
  canDecide,
}: {
  query: TQueueQuery;
  onChange: (patch: Partial<TQueueQuery>) => void;
  regions: string[];
  slaHours: number;
  canDecide: boolean;
}) {
  const reviewers = useQuarantineReviewers(canDecide);
  const set = (key: keyof TQueueQuery) => (value: string) => onChange({ [key]: value, page: 1 });
  return (
    <div className="filters" role="group" aria-label="Filter the queue">
      <Select id="q-state" label="Show cases" value={query.state} options={STATES} onChange={set('state')} />
      <Select
        id="q-reason"
        label="Reason"
        value={query.reason}
        options={[['', 'Any reason'], ...QUARANTINE_REASONS.map((r): [string, string] => [r, titleCase(r)])]}
        onChange={set('reason')}
      />
      <Select
        id="q-age"
        label="Age"
        value={query.age}
        options={[
          ['', 'Any age'],
          ['past_sla', `Past the ${slaHours} h SLA`],
          ['within_sla', `Within the ${slaHours} h SLA`],
          ['over_7d', 'Older than 7 days'],
        ]}
        onChange={set('age')}
      />
      <Select
        id="q-vendor"
        label="Vendor"
        value={query.vendor}
        options={[['', 'Any vendor'], ...Object.entries(VENDOR_LABEL)]}
        onChange={set('vendor')}
      />
      <Select
        id="q-region"
        label="Region"
        value={query.region}
        options={[['', 'Any region'], ...regions.map((r): [string, string] => [r, r])]}
        onChange={set('region')}
      />
      <Select
        id="q-assignee"
        label="Assignee"
        value={query.assignee}
        options={[
          ['', 'Anyone'],
          ['me', 'Mine'],
          ['unassigned', 'Unassigned'],
          ...(reviewers.data?.items ?? []).map((u): [string, string] => [u.id, u.email]),
        ]}
        onChange={set('assignee')}
      />
    </div>
  );
}
