// The longest compliance window any recording can get: audit objects (sealed segments, checkpoints) are
// locked at least this long, so the evidence about a recording never expires before the recording does.
import { db, type DbTx } from '@/lib/db';
import { env } from '@/lib/env';

export async function longestRetentionDays(client: DbTx = db(), deploymentDefaultDays = env().RETENTION_DEFAULT_DAYS): Promise<number> {
  const longest = await client.retentionPolicy.aggregate({ _max: { retentionDays: true } });
  return Math.max(deploymentDefaultDays, longest._max.retentionDays ?? 0);
}
