// Archive search filters, shared by the API (validation), the page (URL search params, so a search is a
// shareable link) and saved searches (the same fields without the page position). Free text and
// participant filters need 3+ characters: the trigram indexes cannot narrow shorter strings, and a full
// scan of a million rows is not a search. Region is checked against the deployment's regions on the
// server (lib/recordings/assert-known-region.ts); here only its shape.
import { z } from 'zod';
import { isTimeZone, LOCAL_DATE_TIME, zonedToUtc } from '@/lib/format/zoned-time';

export const SORT_KEYS = ['startTime', 'duration', 'vendor', 'region'] as const;
export const SORTS = SORT_KEYS.flatMap((k) => [`${k}_desc`, `${k}_asc`] as const);
export type TSortKey = (typeof SORT_KEYS)[number];
export type TSort = `${TSortKey}_${'desc' | 'asc'}`;
export const PAGE_SIZES = [25, 50, 100] as const;

const text = (label: string) =>
  z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || v.length >= 3, `${label} needs at least 3 characters`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** A day or a minute, read in the filter's time zone: "2026-11-30" or "2026-11-30T14:05". */
const localTime = (label: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(LOCAL_DATE_TIME, `${label}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM`)
      // Round-trip: a lenient parser reads 2024-02-30 as March 1st; the database rightly refuses it.
      .refine((v) => zonedToUtc(v, 'UTC') !== null, `${label}: not a calendar date or time`)
      .optional(),
  );

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(20));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The fields a search is made of (a saved search stores exactly these). */
export const ZSearchFields = z.object({
  q: text('Search text'),
  agent: text('Agent'),
  customer: text('Customer number'),
  vendor: z.preprocess(
    emptyAsUndefined,
    z.enum(['GENESYS_CLOUD', 'NICE_CXONE'], 'Vendor must be Genesys Cloud (GENESYS_CLOUD) or NICE CXone (NICE_CXONE)').optional(),
  ),
  direction: z.preprocess(emptyAsUndefined, z.enum(['INBOUND', 'OUTBOUND', 'INTERNAL']).optional()),
  status: z.preprocess(emptyAsUndefined, z.enum(['PENDING', 'ARCHIVED', 'QUARANTINED', 'FAILED', 'RETRYING']).optional()),
  region: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, 'Region is a residency region code such as "us" or "eu"')
      .optional(),
  ),
  legalHold: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
  tag: oneOrMany(z.string().trim().min(1).max(64)),
  /** Start of the call, from (inclusive) and to (inclusive at its precision), as wall-clock values in `tz`. */
  from: localTime('From'),
  to: localTime('To'),
  /** IANA zone `from`/`to` are read in; absent: the searching user's time-zone preference. */
  tz: z.preprocess(
    emptyAsUndefined,
    z.string().max(64).refine(isTimeZone, 'Unknown time zone (use an IANA name such as Europe/Berlin)').optional(),
  ),
  sort: z.preprocess(emptyAsUndefined, z.enum(SORTS as [TSort, ...TSort[]]).default('startTime_desc')),
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(50)),
});

const rangeInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || zonedToUtc(f.from, 'UTC')! < zonedToUtc(f.to, 'UTC', true)!;
const RANGE_ERROR = { message: '"From" is after "To"', path: ['to'] };

export const ZSearchFilter = ZSearchFields.extend({ cursor: z.preprocess(emptyAsUndefined, z.string().max(500).optional()) }).refine(
  rangeInOrder,
  RANGE_ERROR,
);

/** What a saved search stores: the search without its page position. */
export const ZSavedFilter = ZSearchFields.refine(rangeInOrder, RANGE_ERROR);

export type TSearchFilter = z.output<typeof ZSearchFilter>;
export type TSavedFilter = z.output<typeof ZSavedFilter>;
export type TSearchFilterInput = Partial<z.input<typeof ZSearchFilter>>;

/** The filter as URL search params (empty values dropped), for links and the API call. */
export function filterToParams(filter: Partial<Record<keyof TSearchFilter, unknown>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}
