// Listing cursors handed to the poller are opaque strings (stored in PollCursor.cursor): base64url JSON that
// only this module reads, validated on the way back in so a corrupted cursor fails loudly.
import type { z } from 'zod';
import { VendorError } from './vendor-error';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new VendorError('config', 'Listing cursor is not one this client issued (reset the poll cursor)');
  }
}
