// Bounded retry behaviour for vendor calls. Beyond these bounds the error goes back to the job, whose own
// BullMQ backoff takes over (so a worker is never parked for long on one vendor).
export type TRetryPolicy = {
  /** 429s waited out per call. */
  rateLimitRetries: number;
  /** A Retry-After longer than this is not waited out in-process. */
  maxRetryAfterMs: number;
  /** 5xx / network failures retried per call. */
  serverRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Genesys 202 (still transcoding) polls per call, and the pause between them. */
  notReadyPolls: number;
  notReadyDelayMs: number;
  /** Fresh media URLs tried after 403 (expired) answers. */
  mediaUrlRefreshes: number;
  requestTimeoutMs: number;
  mediaIdleTimeoutMs: number;
};

export const DEFAULT_RETRY_POLICY: TRetryPolicy = {
  rateLimitRetries: 5,
  maxRetryAfterMs: 120_000,
  serverRetries: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 15_000,
  notReadyPolls: 6,
  notReadyDelayMs: 5_000,
  mediaUrlRefreshes: 3,
  requestTimeoutMs: 30_000,
  mediaIdleTimeoutMs: 60_000,
};

/** Exponential backoff with jitter (75–100 % of the capped delay). */
export function backoffMs(policy: TRetryPolicy, attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** attempt);
  return Math.round(capped * (0.75 + random() * 0.25));
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.ceil(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
