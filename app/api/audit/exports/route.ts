// POST /api/audit/exports — start a signed audit export for a scope (date range, recordings, quarantine case).
// GET /api/audit/exports — the export history: every export with status, requester, times, size, failure reason.
import { listAuditExports, ZListAuditExports } from '@/lib/audit/list-audit-exports';
import { startAuditExport } from '@/lib/audit/start-audit-export';
import { ZAuditScope } from '@/lib/audit/scope';
import { can, rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('audit.export'), ZAuditScope, async ({ input, user }) =>
  json(await startAuditExport({ scope: input, user }), { status: 202 }),
);

export const GET = withRole(rolesFor('audit.export'), ZListAuditExports, async ({ input, user }) =>
  json(await listAuditExports(input, can(user.role, 'identifiers.unmasked'))),
);
