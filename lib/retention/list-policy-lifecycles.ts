// The retention policies as lifecycle input: each policy's active period and compliance window.
import { db, type DbTx } from '@/lib/db';
import type { TPolicyLifecycle } from '@/lib/storage/lifecycle-rules';

export async function listPolicyLifecycles(client: DbTx = db()): Promise<TPolicyLifecycle[]> {
  return client.retentionPolicy.findMany({ select: { id: true, retentionDays: true, activeDays: true }, orderBy: { id: 'asc' } });
}
