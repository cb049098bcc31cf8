// When a failed archive/resolve job runs again: exponential backoff from RETRY_BACKOFF_MS, capped per wait,
// retried until RETRY_BUDGET_SECONDS after the job was queued (>= 1 h by default, so an ordinary outage of
// storage, database, Redis or a vendor is outlasted), then a dead letter. The error class shapes the curve:
// a vendor that throttles us is given more room per wait. Installed as the workers' custom backoff strategy
// (BullMQ calls it after each failed attempt; -1 = no more retries).
import type { MinimalJob } from 'bullmq';
import { ArchiveError } from '@/lib/queue/archive-error';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { VendorError } from '@/lib/vendors/http/vendor-error';

export const BACKOFF_TYPE = 'callvault';

export type TErrorClass = 'vendor_throttled' | 'vendor' | 'storage' | 'database' | 'queue' | 'network' | 'media' | 'other';

export type TRetryConfig = { baseMs: number; capMs: number; budgetMs: number };

/** Per class: multipliers of the base delay and of the cap. */
const CLASS_SHAPE: Record<TErrorClass, { base: number; cap: number }> = {
  vendor_throttled: { base: 6, cap: 2 },
  vendor: { base: 1, cap: 1 },
  storage: { base: 1, cap: 1 },
  database: { base: 1, cap: 1 },
  queue: { base: 1, cap: 1 },
  network: { base: 1, cap: 1 },
  media: { base: 1, cap: 1 },
  other: { base: 1, cap: 1 },
};

const STORAGE_CODES = new Set(['upload_failed', 'version_unknown', 'download_failed']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function errorClassOf(error: unknown): TErrorClass {
  if (error instanceof VendorError) return error.code === 'rate_limited' ? 'vendor_throttled' : 'vendor';
  if (error instanceof ArchiveError) return STORAGE_CODES.has(error.code) ? 'storage' : 'media';
  if (error instanceof AppError && error.code === 'unavailable') return /database/i.test(error.message) ? 'database' : 'queue';
  const e = error as { name?: unknown; code?: unknown; $metadata?: unknown } | null;
  if (typeof e?.name === 'string' && e.name.startsWith('Prisma')) return 'database';
  if (typeof e?.code === 'string' && /^P\d{4}$/.test(e.code)) return 'database';
  if (e && typeof e === 'object' && '$metadata' in e) return 'storage';
  if (typeof e?.code === 'string' && NETWORK_CODES.has(e.code)) return 'network';
  return 'other';
}

export function retryConfig(): TRetryConfig {
  const e = env();
  return {
    baseMs: e.RETRY_BACKOFF_MS,
    capMs: Math.max(e.RETRY_BACKOFF_CAP_MS, e.RETRY_BACKOFF_MS),
    budgetMs: e.RETRY_BUDGET_SECONDS * 1000,
  };
}

/** Delay before attempt `attemptsMade + 1`, or -1 once the budget since `queuedAt` is spent. */
export function retryDelayMs(
  attemptsMade: number,
  error: unknown,
  queuedAt: number,
  now: number,
  cfg: TRetryConfig = retryConfig(),
): number {
  if (now - queuedAt >= cfg.budgetMs) return -1;
  const shape = CLASS_SHAPE[errorClassOf(error)];
  const exponential = cfg.baseMs * shape.base * 2 ** Math.max(0, Math.min(attemptsMade - 1, 30));
  const capped = Math.min(exponential, cfg.capMs * shape.cap);
  // ±10 % jitter: recordings failed by one outage do not all come back in the same second.
  return Math.max(1, Math.round(capped * (0.9 + Math.random() * 0.2)));
}

/** BullMQ `settings.backoffStrategy`. */
export function backoffStrategy(attemptsMade: number, _type?: string, error?: Error, job?: MinimalJob): number {
  return retryDelayMs(attemptsMade, error, job?.timestamp ?? Date.now(), Date.now());
}
