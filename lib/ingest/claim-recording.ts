// First line of dedupe for the archive processor: one Redis key per recording (the distributed idempotency cache).
// A 'processing' claim names its owner: the BullMQ lock key of the job holding it and that job's lock token.
// A claim whose owner no longer holds that lock (worker killed, lock expired, the job restarted after a
// stall) is taken over at once by the next claimant, never reported as someone else's work in progress.
// 'completed' lives DEDUPE_TTL_SECONDS (the vendors' redelivery window). The DB unique
// (vendorSource, vendorRecordingId) is the second line, for deliveries after the TTL or a Redis flush.
import { env } from '@/lib/env';
import { claimKey } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

/** Who holds a claim: the job's BullMQ lock key and token. Direct calls (tests, tools) have no lock: their
 *  claim is respected until CLAIM_PROCESSING_TTL_SECONDS. */
export type TClaimOwner = { jobId: string; lockKey: string | null; token: string | null };

export type TClaimResult =
  | { state: 'claimed' }
  | { state: 'taken_over'; previousOwnerJobId: string }
  | { state: 'processing'; ownerJobId: string }
  | { state: 'completed' };

// Atomic check-and-set. Value: "processing\n<lockKey>\n<token>\n<jobId>". The owner is alive while its lock
// key still holds its token (BullMQ renews it while the job runs and deletes it when the job ends).
// ARGV[3] = '1' lets a REFETCH take over a completed claim (a reviewer asked to download again).
const CLAIM_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == 'completed' and ARGV[3] ~= '1' then return 'completed' end
local result = 'claimed'
if current and string.sub(current, 1, 10) == 'processing' then
  local lockKey, token, jobId = string.match(current, '^processing\\n([^\\n]*)\\n([^\\n]*)\\n(.*)$')
  -- An owner without a lock (a direct call, not a queued job) cannot be checked: its claim lives out its TTL.
  if lockKey == '' or (lockKey and redis.call('GET', lockKey) == token) then
    return 'processing\\n' .. jobId
  end
  result = 'taken_over\\n' .. (jobId or 'unknown')
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return result
`;

// Release only our own claim: a late failure must not erase another attempt's claim or 'completed'.
const RELEASE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or (ARGV[1] == '' and current and string.sub(current, 1, 10) == 'processing') then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

function claimValue(owner: TClaimOwner): string {
  return `processing\n${owner.lockKey ?? ''}\n${owner.token ?? ''}\n${owner.jobId}`;
}

export async function claimRecording(key: string, owner: TClaimOwner, opts: { force?: boolean } = {}): Promise<TClaimResult> {
  const ttl = env().CLAIM_PROCESSING_TTL_SECONDS;
  const raw = (await withRedis('claim', () =>
    producerRedis().eval(CLAIM_SCRIPT, 1, claimKey(key), claimValue(owner), String(ttl), opts.force ? '1' : '0'),
  )) as string;
  const [state, jobId] = raw.split('\n');
  if (state === 'processing') return { state, ownerJobId: jobId ?? 'unknown' };
  if (state === 'taken_over') return { state, previousOwnerJobId: jobId ?? 'unknown' };
  return { state: state === 'completed' ? 'completed' : 'claimed' };
}

export async function completeClaim(key: string): Promise<void> {
  await withRedis('complete claim', () => producerRedis().set(claimKey(key), 'completed', 'EX', env().DEDUPE_TTL_SECONDS));
}

/** Releases the owner's claim; without an owner, whatever 'processing' claim there is (its job has ended). */
export async function releaseClaim(key: string, owner?: TClaimOwner): Promise<void> {
  await withRedis('release claim', () => producerRedis().eval(RELEASE_SCRIPT, 1, claimKey(key), owner ? claimValue(owner) : ''));
}

/** Current claim state (operations view, sweep diagnostics); null when nobody holds it. */
export async function readClaim(key: string): Promise<'processing' | 'completed' | null> {
  const value = await withRedis('read claim', () => producerRedis().get(claimKey(key)));
  if (value === 'completed') return value;
  return value?.startsWith('processing') ? 'processing' : null;
}
