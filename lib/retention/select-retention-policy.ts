// Reads the retention policies and picks the one for a set of compliance tags (see pick-retention-policy.ts).
import { db, type DbTx } from '@/lib/db';
import { env } from '@/lib/env';
import { pickRetentionPolicy, type TRetentionChoice } from '@/lib/retention/pick-retention-policy';

const DAY_MS = 24 * 3600 * 1000;

export type TRetention = TRetentionChoice & { retainUntil: Date };

export async function selectRetentionPolicy(tags: string[], now = new Date(), client: DbTx = db()): Promise<TRetention> {
  const policies = await client.retentionPolicy.findMany({
    select: { id: true, name: true, retentionDays: true, matchTags: true, isDefault: true },
  });
  const choice = pickRetentionPolicy(policies, tags, env().RETENTION_DEFAULT_DAYS);
  // Whole days in UTC milliseconds: no time zone or DST arithmetic can move the date earlier.
  return { ...choice, retainUntil: new Date(now.getTime() + choice.retentionDays * DAY_MS) };
}
