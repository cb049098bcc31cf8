// Token bucket on object-storage writes (Edge Case 1: a redelivery storm must not exceed the store's request
// limits). Reuses the vendor clients' bucket. Per process: N worker processes allow N × the rate.
import { env } from '@/lib/env';
import { TokenBucket } from '@/lib/vendors/http/token-bucket';

const globalForLimiter = globalThis as unknown as { storageWrites?: TokenBucket };

/** The process-wide limiter every media write and legal-hold change takes a token from. */
export function storageWriteLimiter(): TokenBucket {
  const perSecond = env().STORAGE_WRITES_PER_SECOND;
  globalForLimiter.storageWrites ??= new TokenBucket(perSecond * 60, Math.max(1, Math.ceil(perSecond)));
  return globalForLimiter.storageWrites;
}
