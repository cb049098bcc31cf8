// Opaque keyset cursor: the last row's sort value and id, tied to the sort it was made for.
import { AppError } from '@/lib/http/app-error';
import type { TSort } from '@/lib/recordings/search-filter';
import { isUuid } from '@/lib/http/uuid-param';
import { VENDOR_SLUG } from '@/lib/vendors/types';

export type TSearchCursor = { sort: TSort; value: string | null; id: string };

export function encodeCursor(cursor: TSearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string, sort: TSort): TSearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'Invalid cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new AppError('bad_request', 'Invalid cursor');
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort) throw new AppError('bad_request', 'The cursor belongs to another sort order');
  if (typeof id !== 'string' || !isUuid(id)) throw new AppError('bad_request', 'Invalid cursor');
  if (value !== null && typeof value !== 'string') throw new AppError('bad_request', 'Invalid cursor');
  if (value === null) return { sort, value, id };
  // Only values this server could have written: an ISO instant within years 1..9999, or a duration that
  // fits numeric(12,3), a vendor slug, a region code. Anything else would reach the database as a cast error.
  if (sort.startsWith('startTime')) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)) throw new AppError('bad_request', 'Invalid cursor');
    const t = Date.parse(value);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 19) !== value.slice(0, 19))
      throw new AppError('bad_request', 'Invalid cursor');
    return { sort, value: new Date(t).toISOString(), id };
  }
  if (sort.startsWith('vendor')) {
    if (!(Object.values(VENDOR_SLUG) as string[]).includes(value)) throw new AppError('bad_request', 'Invalid cursor');
    return { sort, value, id };
  }
  if (sort.startsWith('region')) {
    if (!/^[a-z0-9-]{1,32}$/.test(value)) throw new AppError('bad_request', 'Invalid cursor');
    return { sort, value, id };
  }
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(value)) throw new AppError('bad_request', 'Invalid cursor');
  return { sort, value, id };
}
