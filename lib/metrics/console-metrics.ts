// Console-process metrics (prom-client), served at /api/metrics: request durations by route and status for
// every API route handler, and the outcome of every vendor webhook delivery. One registry per process
// (globalThis survives Next's dev reloads); each console instance is scraped on its own.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type TWebhookOutcome = 'accepted' | 'duplicate' | 'rejected' | 'unauthorized' | 'unavailable' | 'error';

type TConsoleMetrics = { registry: Registry; http: Histogram<'route' | 'method' | 'status'>; webhooks: Counter<'vendor' | 'outcome'> };

const globalForMetrics = globalThis as unknown as { callvaultConsoleMetrics?: TConsoleMetrics };

export function consoleMetrics(): TConsoleMetrics {
  if (globalForMetrics.callvaultConsoleMetrics) return globalForMetrics.callvaultConsoleMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callvault_console_' });
  const http = new Histogram({
    name: 'callvault_http_request_duration_seconds',
    help: 'Console API requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'callvault_webhook_deliveries_total',
    help: 'Vendor webhook deliveries by outcome (accepted, duplicate, rejected = 4xx, unauthorized, unavailable = 503, error)',
    labelNames: ['vendor', 'outcome'],
    registers: [registry],
  });
  globalForMetrics.callvaultConsoleMetrics = { registry, http, webhooks };
  return globalForMetrics.callvaultConsoleMetrics;
}

// Path segments that are ids (UUIDs, numbers, long hex or opaque tokens) collapse to ":id" so the route label
// stays a small set.
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{16,}|[A-Za-z0-9_-]{24,})$/i;

export function routeLabel(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

export function observeHttpRequest(pathname: string, method: string, status: number, startedAt: number): void {
  consoleMetrics().http.observe({ route: routeLabel(pathname), method, status: String(status) }, (performance.now() - startedAt) / 1000);
}

export function countWebhookDelivery(vendor: string, outcome: TWebhookOutcome): void {
  consoleMetrics().webhooks.inc({ vendor, outcome });
}

export function webhookOutcomeOf(status: number, duplicate: boolean): TWebhookOutcome {
  if (status < 300) return duplicate ? 'duplicate' : 'accepted';
  if (status === 401) return 'unauthorized';
  if (status === 503) return 'unavailable';
  return status < 500 ? 'rejected' : 'error';
}
