// Vendor responses are validated only as far as the client depends on them; a mismatch is a bad_response
// (vendor changed or broke the API), not a crash with a ZodError deep inside the pipeline.
import type { z } from 'zod';
import { VendorError } from './vendor-error';

export function parseWire<T>(schema: z.ZodType<T>, body: unknown, what: string, accountId: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') || '(root)';
  throw new VendorError('bad_response', `${accountId}: unexpected ${what} response (${where}: ${parsed.error.issues[0]?.message})`, {
    accountId,
  });
}
