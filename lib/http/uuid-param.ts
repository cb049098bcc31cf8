// A route's :id segment as a uuid, or the 404 a malformed id deserves (not a validation error).
import { AppError } from '@/lib/http/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function uuidParam(params: Record<string, string>, what: string, name = 'id'): string {
  const value = params[name];
  if (!isUuid(value)) throw new AppError('not_found', `${what} not found`);
  return value;
}
