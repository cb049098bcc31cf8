// The review queue's query string: filters, sort and page, validated before any database work. A bad value is
// a 400 naming the parameter and why, never a silently ignored filter.
import { z } from 'zod';
import { AppError } from '@/lib/http/app-error';

export const QUARANTINE_REASONS = [
  'TRUNCATION_DETECTED',
  'INVALID_METADATA',
  'RESIDENCY_VIOLATION',
  'CHECKSUM_MISMATCH',
  'INVALID_MEDIA',
] as const;
export const QUARANTINE_STATES = ['OPEN', 'ESCALATED', 'REFETCH_REQUESTED', 'REFETCH_FAILED', 'ACCEPTED', 'RESOLVED'] as const;
/** States still waiting on someone: the default view of the queue. */
export const ACTIVE_STATES = ['OPEN', 'ESCALATED', 'REFETCH_REQUESTED', 'REFETCH_FAILED'] as const;
export const QUARANTINE_SORTS = ['age', 'reason', 'state', 'vendor', 'region', 'assignee'] as const;
export const QUARANTINE_AGES = ['past_sla', 'within_sla', 'over_7d'] as const;

const blankAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ZQuarantineQuery = z
  .object({
    state: z.preprocess(blankAsUndefined, z.enum([...QUARANTINE_STATES, 'ACTIVE', 'ALL']).default('ACTIVE')),
    reason: z.preprocess(blankAsUndefined, z.enum(QUARANTINE_REASONS).optional()),
    vendor: z.preprocess(blankAsUndefined, z.enum(['GENESYS_CLOUD', 'NICE_CXONE']).optional()),
    region: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9-]{1,32}$/, 'a region code such as "us"')
        .optional(),
    ),
    /** "me", "unassigned" or a user id. */
    assignee: z.preprocess(
      blankAsUndefined,
      z.union([z.enum(['me', 'unassigned']), z.uuid({ error: '"me", "unassigned" or a user id' })]).optional(),
    ),
    age: z.preprocess(blankAsUndefined, z.enum(QUARANTINE_AGES).optional()),
    caseId: z.preprocess(blankAsUndefined, z.uuid().optional()),
    recordingId: z.preprocess(blankAsUndefined, z.uuid().optional()),
    sort: z.preprocess(blankAsUndefined, z.enum(QUARANTINE_SORTS).default('age')),
    /** With sort=age: "asc" = youngest first (the default, new cases on top), "desc" = the longest waiting first. */
    dir: z.preprocess(blankAsUndefined, z.enum(['asc', 'desc']).default('asc')),
    page: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(100).default(25)),
  })
  .strict();
export type TQuarantineQuery = z.output<typeof ZQuarantineQuery>;
export type TQuarantineQueryInput = z.input<typeof ZQuarantineQuery>;

/** Query-string object → validated query, or a 400 whose message names every bad parameter. */
export function parseQuarantineQuery(query: Record<string, unknown>): TQuarantineQuery {
  const parsed = ZQuarantineQuery.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    path: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''),
    message: i.message,
  }));
  const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  throw new AppError('bad_request', `Invalid queue query — ${message}`, details);
}
