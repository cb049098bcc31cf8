// GET /api/audit/exports/:id/download — stream a finished bundle (verify it offline with scripts/audit/verify-bundle.ts).
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { rolesFor } from '@/lib/auth/permissions';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('audit.export'), null, async ({ params, user }) => {
  const id = uuidParam(params, 'Audit export');
  return attachmentResponse(await openAuditExport(id, user), 'application/x-ndjson');
});
