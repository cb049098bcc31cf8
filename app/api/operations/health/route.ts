// GET /api/operations/health — Postgres, Redis and S3 reachability with latencies (admin view of /api/health).
import { rolesFor } from '@/lib/auth/permissions';
import { checkHealth } from '@/lib/health/check-health';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('operations.view'), null, async () =>
  json(await checkHealth(), { headers: { 'Cache-Control': 'no-store' } }),
);
