// Shared set-up for the ingestion integration tests (not a test file itself): vendor accounts in
// VENDOR_ACCOUNTS, signed webhook requests for the real route handlers, queue resets and bounded polling.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

type TRouteHandler = (request: Request, params: Record<string, string>) => Promise<Response>;

/** The handler whose path matches: exact, or with ":name" segments taking any value (handed over as params). */
function matchRoute(
  routes: Record<string, TRouteHandler>,
  pathname: string,
): { handler: TRouteHandler; params: Record<string, string> } | null {
  if (routes[pathname]) return { handler: routes[pathname], params: {} };
  const parts = pathname.split('/');
  for (const [pattern, handler] of Object.entries(routes)) {
    const want = pattern.split('/');
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i]!)), true) : w === parts[i])))
      return { handler, params };
  }
  return null;
}

/**
 * A plain HTTP server in front of the real route handlers (no Next server needed), so the simulators'
 * own emitter can deliver webhooks exactly as a vendor would: POST <url>/api/webhooks/<vendor>?account=…
 * Paths may hold ":id"-style segments for dynamic routes.
 */
export async function startRouteServer(routes: Record<string, TRouteHandler>): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = matchRoute(routes, url.pathname);
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      route
        .handler(new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }), route.params)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
