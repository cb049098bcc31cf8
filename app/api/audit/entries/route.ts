// GET /api/audit/entries — search the audit trail (actor, action, subject, time range; paged, newest
// first), each entry with its actor resolved and a readable line; the search is itself audited.
import { can, rolesFor } from '@/lib/auth/permissions';
import { searchAuditLog, ZAuditSearch } from '@/lib/audit/search-audit-log';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('audit.export'), ZAuditSearch, async ({ input, user }) =>
  json(await searchAuditLog(input, { ...user, unmasked: can(user.role, 'identifiers.unmasked') })),
);
