// Shared set-up for the ingestion integration tests (not a test file itself): vendor accounts in
// VENDOR_ACCOUNTS, signed webhook requests for the real route handlers, queue resets and counts.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { signWebhookBody } from '@/lib/ingest/verify-webhook-auth';
import { closeProducerConnection } from '@/lib/queue/close-producer-connection';
import { allQueueNames, closeQueues, queueByName } from '@/lib/queue/queues';
import { producerRedis } from '@/lib/redis';

export type TTestAccount = {
  id: string;
  vendorSource: 'genesys-cloud' | 'nice-cxone';
  instance: string;
  apiBaseUrl?: string;
  authUrl?: string;
  mediaBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  webhookBearerToken?: string | null;
  webhookHmacSecret?: string | null;
  requestsPerMinute?: number;
};

export const runId = randomBytes(4).toString('hex');

/** Makes these the configured accounts (lib/vendors/accounts re-reads VENDOR_ACCOUNTS when it changes). */
export function setVendorAccounts(accounts: TTestAccount[]): void {
  process.env.VENDOR_ACCOUNTS = JSON.stringify(accounts);
}

/** A Genesys account whose vendor API is unreachable: for tests of intake alone, where nothing calls the vendor. */
export function offlineGenesysAccount(id: string, webhookBearerToken: string): TTestAccount {
  return {
    id,
    vendorSource: 'genesys-cloud',
    instance: 'mypurecloud.com',
    apiBaseUrl: 'http://127.0.0.1:9',
    authUrl: 'http://127.0.0.1:9/oauth/token',
    clientId: 'c',
    clientSecret: 's',
    webhookBearerToken,
  };
}

export type TAuth = { token?: string | null; secret?: string | null; timestamp?: number; signature?: string };

export function webhookRequest(
  vendor: 'genesys' | 'cxone',
  accountId: string | null,
  body: string,
  auth: TAuth = {},
  extraHeaders: Record<string, string> = {},
): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.secret) {
    const ts = auth.timestamp ?? Math.floor(Date.now() / 1000);
    headers['x-callvault-timestamp'] = String(ts);
    headers['x-callvault-signature'] = auth.signature ?? signWebhookBody(auth.secret, ts, body);
  }
  const query = accountId === null ? '' : `?account=${encodeURIComponent(accountId)}`;
  return new Request(`http://127.0.0.1/api/webhooks/${vendor}${query}`, { method: 'POST', headers, body });
}

export function genesysRecordingCompleted(
  recordingId: string,
  conversationId: string,
  eventId = `evt-${randomBytes(6).toString('hex')}`,
): string {
  return JSON.stringify({
    type: 'recording.completed',
    id: eventId,
    timestamp: new Date().toISOString(),
    data: { id: recordingId, conversationId, mediaType: 'voice', duration: 2, status: 'completed' },
  });
}

/** Empties every CallVault queue and CallVault key in this test's Redis db (other dbs are untouched). */
export async function resetRedis(): Promise<void> {
  for (const name of allQueueNames()) await queueByName(name).obliterate({ force: true });
  const redis = producerRedis();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'cv:*', 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Teardown for files that use the route handlers without workers: clean Redis, close every connection. */
export async function closeProducerSide(): Promise<void> {
  await resetRedis();
  await closeQueues();
  await closeProducerConnection();
  await db().$disconnect();
}

export async function jobTotal(queue: string): Promise<number> {
  const counts = await queueByName(queue).getJobCounts(
    'waiting',
    'prioritized',
    'active',
    'delayed',
    'completed',
    'failed',
    'waiting-children',
  );
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export async function ingestEventCount(vendorAccountId: string): Promise<number> {
  return db().ingestEvent.count({ where: { vendorAccountId } });
}

/** Runs `tasks` with at most `limit` in flight (a storm without exhausting sockets or the DB pool). */
export async function runConcurrently<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  });
  await Promise.all(lanes);
  return results;
}

export function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
