// Sign-in throttling shared by every console instance through Redis (rate-limiter-flexible):
//  - per client address: too many failures from one address (whatever the accounts) → 429 for a while;
//  - per account AND address: a few consecutive failures lock that account from that address only, so
//    knowing someone's email is not enough to keep them (or an admin) out from their own machine.
// Unknown emails count like known ones: the throttle never tells which accounts exist. Admins unlock.
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

const PREFIX = 'callvault:signin';

type TLimiters = { byIp: RateLimiterRedis; byAccountIp: RateLimiterRedis };
const globalForThrottle = globalThis as unknown as { signInLimiters?: TLimiters };

function limiters(): TLimiters {
  const e = env();
  globalForThrottle.signInLimiters ??= {
    byIp: new RateLimiterRedis({
      storeClient: producerRedis(),
      keyPrefix: `${PREFIX}:ip`,
      points: e.AUTH_IP_MAX_FAILURES,
      duration: e.AUTH_IP_WINDOW_MINUTES * 60,
      blockDuration: e.AUTH_IP_WINDOW_MINUTES * 60,
    }),
    byAccountIp: new RateLimiterRedis({
      storeClient: producerRedis(),
      keyPrefix: `${PREFIX}:acct`,
      points: e.AUTH_LOCKOUT_THRESHOLD,
      duration: e.AUTH_LOCKOUT_MINUTES * 60,
      blockDuration: e.AUTH_LOCKOUT_MINUTES * 60,
    }),
  };
  return globalForThrottle.signInLimiters;
}

const accountKey = (email: string, ip: string | null) => `${email}|${ip ?? 'unknown'}`;

function exhausted(res: RateLimiterRes | null, points: number): number {
  return res !== null && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

/** Fails closed (503): without the shared counters an attacker would get unlimited guesses. */
function redisCall<T>(fn: () => Promise<T>): Promise<T> {
  // consume() rejects with the limiter's result once the points are used up: that is an answer, not an error.
  return withRedis('sign-in throttle', () =>
    fn().catch((error: unknown) => (error instanceof RateLimiterRes ? (error as T) : Promise.reject(error))),
  );
}

export const signInThrottle = {
  /** Seconds until this address (or this account from this address) may try again; 0 = allowed. */
  async retryAfter(email: string, ip: string | null): Promise<{ seconds: number; scope: 'ip' | 'account' | null }> {
    const { byIp, byAccountIp } = limiters();
    const [ipRes, acctRes] = await redisCall(() => Promise.all([byIp.get(ip ?? 'unknown'), byAccountIp.get(accountKey(email, ip))]));
    const ipWait = exhausted(ipRes, byIp.points);
    if (ipWait > 0) return { seconds: ipWait, scope: 'ip' };
    const acctWait = exhausted(acctRes, byAccountIp.points);
    return acctWait > 0 ? { seconds: acctWait, scope: 'account' } : { seconds: 0, scope: null };
  },

  /** Counts a failure; true when it made the account locked from this address (consume rejects past the limit). */
  async failed(email: string, ip: string | null): Promise<boolean> {
    const { byIp, byAccountIp } = limiters();
    await redisCall(() => byIp.consume(ip ?? 'unknown'));
    const res = await redisCall(() => byAccountIp.consume(accountKey(email, ip)));
    return res.consumedPoints === byAccountIp.points;
  },

  async succeeded(email: string, ip: string | null): Promise<void> {
    await redisCall(() => limiters().byAccountIp.delete(accountKey(email, ip)));
  },

  /** Admin unlock: forgets the account's failures from every address. */
  async unlockAccount(email: string): Promise<number> {
    const redis = producerRedis();
    let cursor = '0';
    let removed = 0;
    const pattern = `${PREFIX}:acct:${email.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}|*`;
    do {
      const [next, keys] = await redisCall(() => redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500));
      if (keys.length > 0) removed += await redisCall(() => redis.del(...keys));
      cursor = next;
    } while (cursor !== '0');
    return removed;
  },
};
