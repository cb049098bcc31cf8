// CSV or JSON export of an archive search's results, as the caller's role may see them (customer
// identifiers masked for masked roles). At most EXPORT_MAX_ROWS rows: the matching rows are counted
// first, and the export is audited (filter, format, row count) before the first byte is sent; then the
// rows stream out page by page along the search's keyset cursor, never all held in memory.
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { recordAccess } from '@/lib/audit/record-access';
import { auditedFilters } from '@/lib/recordings/audited-search';
import { searchRecordings, SEARCH_COUNT_BOUND } from '@/lib/recordings/search-recordings';
import type { TSearchFilter } from '@/lib/recordings/search-filter';
import type { TRecordingListItem } from '@/lib/recordings/types';

/** Most rows one export holds (the search's exact-count bound): narrow the filter for more. */
export const EXPORT_MAX_ROWS = SEARCH_COUNT_BOUND;
const PAGE = 500;

export const EXPORT_COLUMNS = [
  'archiveId',
  'vendor',
  'vendorRecordingId',
  'startTime',
  'durationSeconds',
  'measuredDurationSeconds',
  'direction',
  'agents',
  'customers',
  'region',
  'status',
  'legalHold',
  'complianceTags',
] as const;

function exportRow(r: TRecordingListItem): Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null> {
  const who = (role: string) =>
    r.participants
      .filter((p) => p.role === role)
      .map((p) => [p.displayName, p.identifier].filter(Boolean).join(' '))
      .join('; ');
  return {
    archiveId: r.archiveId,
    vendor: r.vendorSource,
    vendorRecordingId: r.vendorRecordingId,
    startTime: r.startTime,
    durationSeconds: r.durationSeconds,
    measuredDurationSeconds: r.measuredDurationSeconds,
    direction: r.direction,
    agents: who('AGENT'),
    customers: who('CUSTOMER'),
    region: r.dataResidencyRegion,
    status: r.status,
    legalHold: r.legalHold,
    complianceTags: r.complianceTags.join(' '),
  };
}

/** One CSV field (RFC 4180). A leading = @ tab or CR, or + / - not starting a number, is prefixed with ' so a spreadsheet never runs it. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=@\t\r]/.test(s) || /^[+-](?![\d\s().-]*$)/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function* pages(filter: TSearchFilter, user: TSessionUser, max: number): AsyncGenerator<TRecordingListItem[]> {
  let sent = 0;
  let cursor: string | undefined;
  do {
    const page = await searchRecordings({ ...filter, cursor, limit: Math.min(PAGE, max - sent) }, user);
    sent += page.items.length;
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && sent < max);
}

export type TExportFormat = 'csv' | 'json';

export async function exportSearch(
  filter: TSearchFilter,
  user: TSessionUser,
  format: TExportFormat,
): Promise<{ rows: number; truncated: boolean; body: ReadableStream<Uint8Array> }> {
  const first = await searchRecordings({ ...filter, cursor: undefined, limit: 1 }, user);
  const total = first.total ?? { count: 0, exact: true };
  const rows = Math.min(total.count, EXPORT_MAX_ROWS);
  const truncated = !total.exact || total.count > EXPORT_MAX_ROWS;
  await recordAccess(
    user,
    'access.search_exported',
    { type: 'search', id: 'recordings' },
    { filters: auditedFilters(filter), format, rows, truncated, limit: EXPORT_MAX_ROWS },
  );
  const encoder = new TextEncoder();
  const iterator = pages({ ...filter, cursor: undefined }, user, rows);
  let jsonRows = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? `${EXPORT_COLUMNS.join(',')}\r\n` : '['));
    },
    async pull(controller) {
      const next = rows > 0 ? await iterator.next() : ({ done: true, value: undefined } as const);
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(']\n'));
        controller.close();
        return;
      }
      const lines = next.value.map(exportRow);
      if (format === 'csv') {
        controller.enqueue(encoder.encode(lines.map((l) => `${EXPORT_COLUMNS.map((c) => csvField(l[c])).join(',')}\r\n`).join('')));
      } else if (lines.length > 0) {
        controller.enqueue(encoder.encode(`${jsonRows > 0 ? ',' : ''}${lines.map((l) => JSON.stringify(l)).join(',')}`));
        jsonRows += lines.length;
      }
    },
  });
  return { rows, truncated, body };
}
