// The console's /api/metrics: refused without an admin session or the METRICS_TOKEN bearer (a wrong bearer is
// a 401, never retried as a session); Prometheus text naming webhook outcomes and request durations by route
// pattern and status once deliveries and console calls happened.
import { describe, expect, it } from 'vitest';
import { setupIntake } from '@/tests/support/setup-intake';
import { GET as metricsGet } from '@/app/api/metrics/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { GET as getExport } from '@/app/api/audit/exports/[id]/route';
import { routeLabel } from '@/lib/metrics/console-metrics';
import { genesysRecordingCompleted, runId, webhookRequest, offlineGenesysAccount } from '@/tests/support/ingest-harness';
import { apiRequest, ctx, signedInAs } from './security-support';

const TOKEN = `metrics-token-${runId}-0123456789abcdef`;
process.env.METRICS_TOKEN = TOKEN;
const GEN = `metrics-gen-${runId}`;
const BEARER = 'metrics-genesys-bearer-0123456789';

setupIntake([offlineGenesysAccount(GEN, BEARER)]);

const scrape = (headers: Record<string, string> = {}, cookie?: string) =>
  metricsGet(apiRequest('/api/metrics', { headers, cookie }), ctx());

describe('/api/metrics', () => {
  it('needs an admin session or the metrics token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer not-the-token-at-all-0123456789' })).status).toBe(401);
    const auditor = await signedInAs('AUDITOR');
    expect((await scrape({}, auditor.cookie)).status).toBe(403);
    // A wrong bearer is refused even next to a valid admin session.
    const admin = await signedInAs('ADMIN');
    expect((await scrape({ authorization: 'Bearer not-the-token-at-all-0123456789' }, admin.cookie)).status).toBe(401);
    expect((await scrape({}, admin.cookie)).status).toBe(200);
  });

  it('counts webhook outcomes and times console requests by route pattern and status', async () => {
    const body = genesysRecordingCompleted(`rec-metrics-${runId}`, `conv-metrics-${runId}`);
    expect((await genesysPost(webhookRequest('genesys', GEN, body, { token: BEARER }))).status).toBe(202);
    expect((await genesysPost(webhookRequest('genesys', GEN, body, { token: BEARER }))).status).toBe(202);
    expect((await genesysPost(webhookRequest('genesys', GEN, body, { token: 'wrong-bearer-token-0123456789' }))).status).toBe(401);
    const auditor = await signedInAs('AUDITOR');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await getExport(apiRequest(`/api/audit/exports/${missing}`, { cookie: auditor.cookie }), ctx({ id: missing }))).status).toBe(
      404,
    );

    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/callvault_webhook_deliveries_total\{vendor="GENESYS_CLOUD",outcome="accepted"\} 1/);
    expect(text).toMatch(/callvault_webhook_deliveries_total\{vendor="GENESYS_CLOUD",outcome="duplicate"\} 1/);
    expect(text).toMatch(/callvault_webhook_deliveries_total\{vendor="GENESYS_CLOUD",outcome="unauthorized"\} 1/);
    expect(text).toMatch(/callvault_http_request_duration_seconds_count\{route="\/api\/webhooks\/genesys",method="POST",status="202"\} 2/);
    expect(text).toMatch(/callvault_http_request_duration_seconds_count\{route="\/api\/audit\/exports\/:id",method="GET",status="404"\} 1/);
    expect(text).toContain('callvault_console_process_cpu_seconds_total');
  });

  it('route labels collapse ids, keep names', () => {
    expect(routeLabel('/api/recordings/3f0c9a52-1b2c-4d5e-8f90-0123456789ab/playback')).toBe('/api/recordings/:id/playback');
    expect(routeLabel('/api/operations/dead-letters/42/replay')).toBe('/api/operations/dead-letters/:id/replay');
    expect(routeLabel('/api/operations/poll-cursors')).toBe('/api/operations/poll-cursors');
  });
});
