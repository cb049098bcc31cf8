// The scraper's alternative to an admin session at /api/metrics: `Authorization: Bearer <METRICS_TOKEN>`,
// compared in constant time. A bearer that does not match is refused outright (never retried as a session).
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

export type TMetricsBearer = 'absent' | 'valid' | 'invalid';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function checkMetricsBearer(headers: Headers): TMetricsBearer {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
  if (!match) return 'absent';
  const expected = env().METRICS_TOKEN;
  if (!expected) return 'invalid';
  return timingSafeEqual(digest(match[1]!), digest(expected)) ? 'valid' : 'invalid';
}
