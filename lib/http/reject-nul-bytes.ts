// PostgreSQL text cannot hold U+0000: a NUL reaching a query is a database error (a 500, or a webhook
// that fails forever). It is refused at the edge as the input error it is.
import { AppError } from '@/lib/http/app-error';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

export function rejectNulBytes(value: unknown, where: string): void {
  if (containsNul(value)) throw new AppError('bad_request', `NUL characters are not allowed in the ${where}`);
}
