// Budget on object-storage writes (a redelivery storm must not exceed the store's request limits),
// shared by every worker and console process through Redis: N processes together write at most
// STORAGE_WRITES_PER_SECOND, not N times it.
import { env } from '@/lib/env';
import { TokenBucket } from '@/lib/rate-limit/token-bucket';

const globalForLimiter = globalThis as unknown as { storageWrites?: TokenBucket };

/** The limiter every media write and legal-hold change takes a token from. */
export function storageWriteLimiter(): TokenBucket {
  globalForLimiter.storageWrites ??= new TokenBucket('storage-writes', {
    points: Math.max(1, Math.floor(env().STORAGE_WRITES_PER_SECOND)),
    seconds: 1,
  });
  return globalForLimiter.storageWrites;
}
