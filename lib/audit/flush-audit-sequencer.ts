// Waits until every journal entry committed before the call is chained. When no sequencer is
// running (tests, scripts, a console with no worker up) this process becomes the sequencer for the
// flush and chains the entries itself; when one is running it polls until that one has chained them.
import { chainAuditJournal } from '@/lib/audit/chain-audit-journal';
import { auditKeyProvider, type TAuditKeyProvider } from '@/lib/audit/key-provider';
import { leadAuditSequencer } from '@/lib/audit/lead-audit-sequencer';
import { db, type DbTx } from '@/lib/db';
import { env } from '@/lib/env';

export type TFlushOptions = {
  /** Give up (throw) after this long; default 30 s. */
  timeoutMs?: number;
  /** false: chain what can be chained now if no sequencer runs, but do not wait for a running one. */
  wait?: boolean;
  client?: DbTx;
  connectionString?: string;
  provider?: TAuditKeyProvider;
};

async function pendingUpTo(client: DbTx, maxPosition: bigint): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditJournal" WHERE "position" <= ${maxPosition}`;
  return row?.n ?? 0;
}

/** Chains everything up to maxPosition as the sequencer, if the lock is free; false when someone else holds it. */
async function chainAsLeader(o: TFlushOptions, maxPosition: bigint): Promise<boolean> {
  const lease = await leadAuditSequencer(o.connectionString ?? env().DATABASE_URL);
  if (!lease) return false;
  try {
    const provider = o.provider ?? auditKeyProvider();
    const skip: string[] = [];
    for (;;) {
      const batch = await chainAuditJournal(lease.client, { provider, maxPosition, skip });
      skip.push(...batch.refused.map((r) => r.journalId));
      if (batch.refused.length)
        throw new Error(
          `audit journal entries fail verification and stay unchained: ${batch.refused.map((r) => `${r.journalId} (${r.reason})`).join('; ')}`,
        );
      if (batch.chained === 0) return true;
    }
  } finally {
    await lease.release();
  }
}

export async function flushAuditSequencer(o: TFlushOptions = {}): Promise<void> {
  const client = o.client ?? db();
  const [target] = await client.$queryRaw<{ p: bigint | null }[]>`SELECT max("position") AS p FROM "AuditJournal"`;
  if (target?.p === null || target?.p === undefined) return;
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  for (;;) {
    if ((await chainAsLeader(o, target.p)) || o.wait === false) return;
    const pending = await pendingUpTo(client, target.p);
    if (pending === 0) return;
    if (Date.now() > deadline)
      throw new Error(`audit sequencer: ${pending} journal entries still unchained after ${o.timeoutMs ?? 30_000} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
