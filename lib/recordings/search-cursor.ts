// Opaque keyset cursor: the last row's sort value and id, tied to the sort it was made for.
import { AppError } from '@/lib/http/app-error';
import type { TSort } from '@/lib/recordings/search-filter';
import { isUuid } from '@/lib/http/uuid-param';

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
  const valid = value === null || (sort.startsWith('startTime') ? !Number.isNaN(Date.parse(value)) : /^\d+(\.\d+)?$/.test(value));
  if (!valid) throw new AppError('bad_request', 'Invalid cursor');
  return { sort, value, id };
}
