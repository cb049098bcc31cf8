// First line of dedupe for the archive processor: one Redis key per recording (the seed's "distributed cache").
// 'processing' lives CLAIM_PROCESSING_TTL_SECONDS (a crashed worker cannot block a recording forever);
// 'completed' lives DEDUPE_TTL_SECONDS (the vendors' redelivery window). The DB unique
// (vendorSource, vendorRecordingId) is the second line, for deliveries after the TTL or a Redis flush.
import { env } from '@/lib/env';
import { claimKey } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export type TClaimResult = 'claimed' | 'processing' | 'completed';

// Atomic check-and-set: concurrent workers cannot both see "free". ARGV[3] = '1' lets a REFETCH
// take over a completed claim (a reviewer asked to download again); a running attempt is never overtaken.
const CLAIM_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == 'processing' then return 'processing' end
if current == 'completed' and ARGV[3] ~= '1' then return 'completed' end
redis.call('SET', KEYS[1], 'processing', 'EX', tonumber(ARGV[2]))
return 'claimed'
`;

// Release only what is still 'processing': a late failure must not erase another attempt's 'completed'.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == 'processing' then return redis.call('DEL', KEYS[1]) end
return 0
`;

export async function claimRecording(key: string, opts: { force?: boolean } = {}): Promise<TClaimResult> {
  const ttl = env().CLAIM_PROCESSING_TTL_SECONDS;
  const result = await withRedis('claim', () =>
    producerRedis().eval(CLAIM_SCRIPT, 1, claimKey(key), 'processing', String(ttl), opts.force ? '1' : '0'),
  );
  return result as TClaimResult;
}

export async function completeClaim(key: string): Promise<void> {
  await withRedis('complete claim', () => producerRedis().set(claimKey(key), 'completed', 'EX', env().DEDUPE_TTL_SECONDS));
}

export async function releaseClaim(key: string): Promise<void> {
  await withRedis('release claim', () => producerRedis().eval(RELEASE_SCRIPT, 1, claimKey(key)));
}

/** Current claim state (operations view, sweep diagnostics); null when nobody holds it. */
export async function readClaim(key: string): Promise<'processing' | 'completed' | null> {
  const value = await withRedis('read claim', () => producerRedis().get(claimKey(key)));
  return value === 'processing' || value === 'completed' ? value : null;
}
