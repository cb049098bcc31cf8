// The audit sequencer: one per cluster at a time, run by every worker process. Each process tries to
// take the sequencer lock; the one that holds it chains committed journal entries in batches
// (lib/audit/chain-audit-journal.ts) and the others stand by, retrying the lock, so when the leader
// dies or loses its connection another worker takes over within STANDBY_MS.
import { chainAuditJournal } from '@/lib/audit/chain-audit-journal';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { connectAuditSequencer, type TAuditSequencerLease } from '@/lib/audit/lead-audit-sequencer';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

export type TAuditSequencerOptions = {
  /** Pause when the journal is empty (the chain lag a writer sees when idle). */
  idleMs?: number;
  /** How often a standby process retries the lock. */
  standbyMs?: number;
  batchSize?: number;
  connectionString?: string;
};

export type TAuditSequencerHandle = {
  isLeader(): boolean;
  /** Entries chained by this process so far. */
  chained(): number;
  stop(): Promise<void>;
};

export function startAuditSequencer(o: TAuditSequencerOptions = {}): TAuditSequencerHandle {
  const idleMs = o.idleMs ?? 20;
  const standbyMs = o.standbyMs ?? 1000;
  let stopped = false;
  // An object, not a `let`: the loop and step() both replace the lease.
  const held: { lease: TAuditSequencerLease | null; leading: boolean } = { lease: null, leading: false };
  let total = 0;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  // Refused rows stay in the journal (verification reports them); remembering them keeps them from
  // blocking every later batch of this leader.
  const refused = new Set<string>();

  const step = async (): Promise<number> => {
    held.lease ??= await connectAuditSequencer(o.connectionString ?? env().DATABASE_URL);
    if (!held.lease.alive()) throw new Error('sequencer connection lost');
    held.leading = await held.lease.tryLead();
    if (!held.leading) return -1;
    const batch = await chainAuditJournal(held.lease.client, { provider: auditKeyProvider(), limit: o.batchSize, skip: [...refused] });
    for (const r of batch.refused) {
      refused.add(r.journalId);
      logger.error({ journalId: r.journalId, reason: r.reason }, 'audit journal entry refused by the sequencer');
    }
    total += batch.chained;
    return batch.chained;
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        const chained = await step();
        if (chained === -1) await pause(standbyMs);
        else if (chained === 0) await pause(idleMs);
      } catch (err) {
        logger.error({ err }, 'audit sequencer batch failed; giving up leadership and retrying');
        await held.lease?.release();
        held.lease = null;
        held.leading = false;
        await pause(standbyMs);
      }
    }
    await held.lease?.release();
    held.lease = null;
    held.leading = false;
  })();

  return {
    isLeader: () => held.leading,
    chained: () => total,
    stop: async () => {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
