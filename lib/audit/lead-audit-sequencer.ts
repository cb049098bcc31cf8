// Leader election for the audit sequencer: a session-level Postgres advisory lock held by one
// dedicated connection. Exactly one connection in the cluster holds it; when its process dies or the
// connection drops, Postgres releases it and any other process may take over. Batches are committed
// on that same connection, so leadership and the right to extend the chain cannot come apart.
import pg from 'pg';
import { env } from '@/lib/env';

export const AUDIT_SEQUENCER_LOCK = 727_003;

export type TAuditSequencerLease = {
  client: pg.Client;
  /** False once the connection failed (the lock went with it). */
  alive(): boolean;
  /** Tries the lock (again); true once this connection holds it. Never waits for it. */
  tryLead(): Promise<boolean>;
  /** Gives leadership up and closes the connection. */
  release(): Promise<void>;
};

/** A connection that competes for the sequencer lock: a standby keeps it and calls tryLead() again. */
export async function connectAuditSequencer(connectionString: string = env().DATABASE_URL): Promise<TAuditSequencerLease> {
  const client = new pg.Client({ connectionString, application_name: 'callvault-audit-sequencer' });
  let alive = true;
  // Without a listener a dropped connection would crash the process; a dead lease is simply not alive.
  client.on('error', () => (alive = false));
  client.on('end', () => (alive = false));
  await client.connect();
  try {
    // A batch transaction never idles; if this process hangs mid-batch, Postgres ends the session and
    // thereby hands leadership on instead of stalling the chain behind a stuck transaction.
    await client.query("SET idle_in_transaction_session_timeout = '30s'");
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  let leading = false;
  return {
    client,
    alive: () => alive,
    tryLead: async () => {
      if (!leading)
        leading =
          (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [AUDIT_SEQUENCER_LOCK])).rows[0]?.ok === true;
      return leading;
    },
    release: async () => {
      // Closing the session releases the lock; unlocking first hands over without waiting for the close.
      if (alive && leading) await client.query('SELECT pg_advisory_unlock($1)', [AUDIT_SEQUENCER_LOCK]).catch(() => undefined);
      alive = false;
      await client.end().catch(() => undefined);
    },
  };
}

/** The lease when the lock was free, else null (someone else is the sequencer). Never waits. */
export async function leadAuditSequencer(connectionString: string = env().DATABASE_URL): Promise<TAuditSequencerLease | null> {
  const lease = await connectAuditSequencer(connectionString);
  if (
    await lease.tryLead().catch(async (err: unknown) => {
      await lease.release();
      throw err;
    })
  )
    return lease;
  await lease.release();
  return null;
}
