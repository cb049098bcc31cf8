// What an auditor may ask to export. Empty scope = the whole chain.
import { z } from 'zod';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const ZAuditScope = z
  .object({
    /** Inclusive. A date (YYYY-MM-DD) means 00:00 UTC of that day. */
    from: instant.optional(),
    /** Exclusive for a date-time; a date (YYYY-MM-DD) includes that whole UTC day. */
    to: instant.optional(),
    /** Recording ids (uuid): their entries, by idempotency key and by details.recordingId. */
    recordingIds: z.array(z.uuid()).min(1).max(1000).optional(),
    /** A quarantine case: its own entries plus its recording's. */
    quarantineCaseId: z.uuid().optional(),
  })
  .strict()
  .refine((s) => !s.from || !s.to || scopeInstant(s.from, 'from') < scopeInstant(s.to, 'to'), {
    message: '"from" must be before "to"',
    path: ['to'],
  });

export type TAuditScope = z.infer<typeof ZAuditScope>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** from/to as an instant: dates are whole UTC days, so a date-only "to" points at the next midnight. */
export function scopeInstant(value: string, bound: 'from' | 'to'): Date {
  if (!DATE_ONLY.test(value)) return new Date(value);
  const day = new Date(`${value}T00:00:00.000Z`);
  return bound === 'to' ? new Date(day.getTime() + 24 * 3600 * 1000) : day;
}
