// GET /api/reconciliation/:id — one report with every finding and its signed document's location (auditor, admin).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { getReconciliationReport } from '@/lib/reconcile/get-reconciliation-report';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('reconciliation.view'), null, async ({ params }) =>
  json(await getReconciliationReport(uuidParam(params, 'Reconciliation report'))),
);
