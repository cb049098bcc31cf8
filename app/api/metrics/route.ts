// GET /api/metrics — this console instance's Prometheus metrics (request durations by route and status,
// webhook outcomes, process metrics). For an admin session, or a scraper presenting METRICS_TOKEN as a bearer.
import type { NextRequest } from 'next/server';
import { rolesFor } from '@/lib/auth/permissions';
import { errorResponse } from '@/lib/http/error-response';
import { AppError } from '@/lib/http/app-error';
import { withRole, type TRouteContext } from '@/lib/auth/with-role';
import { consoleMetrics } from '@/lib/metrics/console-metrics';
import { checkMetricsBearer } from '@/lib/metrics/metrics-token';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

async function metricsResponse(): Promise<Response> {
  const { registry } = consoleMetrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}

const forAdmin = withRole(rolesFor('metrics.read'), null, metricsResponse);

export async function GET(req: NextRequest, ctx: TRouteContext): Promise<Response> {
  const bearer = checkMetricsBearer(req.headers);
  if (bearer === 'valid') return metricsResponse();
  if (bearer === 'invalid') return errorResponse(new AppError('unauthorized', 'Invalid metrics token'));
  return forAdmin(req, ctx);
}
