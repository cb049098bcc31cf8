// GET /api/reconciliation?account=&take= — reconciliation history, newest day first (auditor, admin).
import { z } from 'zod';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listReconciliationReports } from '@/lib/reconcile/list-reconciliation-reports';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ account: z.string().min(1).max(200).optional(), take: z.coerce.number().int().min(1).max(500).default(100) });

export const GET = withRole(rolesFor('reconciliation.view'), ZQuery, async ({ input }) =>
  json(await listReconciliationReports({ vendorAccountId: input.account, take: input.take })),
);
