// GET /api/health — Postgres, Redis and S3 reachability; 200 only when all are up, else 503 naming what is down.
// Deliberately public (load balancers, the run script): it reveals up/down and latency, nothing else.
import { checkHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  const down = health.components.filter((c) => !c.up).map((c) => c.name);
  return Response.json({ status: health.ok ? 'ok' : 'degraded', down, components: health.components }, { status: health.ok ? 200 : 503 });
}
