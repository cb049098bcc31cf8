// Archive search filters, shared by the API (validation) and the page (URL search params), so a
// search is a shareable link. Free text and participant filters need 3+ characters: the trigram
// indexes cannot narrow shorter strings, and a full scan of a million rows is not a search.
import { z } from 'zod';

export const SORTS = ['startTime_desc', 'startTime_asc', 'duration_desc', 'duration_asc'] as const;
export type TSort = (typeof SORTS)[number];

const text = (label: string) =>
  z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || v.length >= 3, `${label} needs at least 3 characters`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  // Round-trip: Date.parse accepts 2024-02-30 (as March 1st); the database rightly refuses it.
  .refine((v) => {
    const t = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
  }, 'not a calendar date')
  .optional()
  .or(z.literal('').transform(() => undefined));

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(20));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ZSearchFilter = z
  .object({
    q: text('Search text'),
    agent: text('Agent'),
    customer: text('Customer number'),
    vendor: z.preprocess(emptyAsUndefined, z.enum(['GENESYS_CLOUD', 'NICE_CXONE']).optional()),
    direction: z.preprocess(emptyAsUndefined, z.enum(['INBOUND', 'OUTBOUND', 'INTERNAL']).optional()),
    status: z.preprocess(emptyAsUndefined, z.enum(['PENDING', 'ARCHIVED', 'QUARANTINED', 'FAILED', 'RETRYING']).optional()),
    region: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9-]{1,32}$/).optional()),
    legalHold: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
    tag: oneOrMany(z.string().trim().min(1).max(64)),
    /** Inclusive UTC days of the call's start time. */
    from: day,
    to: day,
    sort: z.preprocess(emptyAsUndefined, z.enum(SORTS).default('startTime_desc')),
    cursor: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
    limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(50)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '"from" is after "to"', path: ['to'] });

export type TSearchFilter = z.output<typeof ZSearchFilter>;
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
