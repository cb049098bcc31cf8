// GET /api/audit/exports/:id — an export's status and progress (entries written so far, manifest hash when done).
import { getAuditExport } from '@/lib/audit/get-audit-export';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('audit.export'), null, async ({ params }) => {
  const id = uuidParam(params, 'Audit export');
  return json(await getAuditExport(id), { headers: { 'Cache-Control': 'no-store' } });
});
