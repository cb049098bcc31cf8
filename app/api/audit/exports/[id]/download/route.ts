// GET /api/audit/exports/:id/download — stream a finished bundle (verify it offline with scripts/audit/verify-bundle.ts).
import { Readable } from 'node:stream';
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { rolesFor } from '@/lib/auth/permissions';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/http/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('audit.export'), null, async ({ params, user }) => {
  const id = uuidParam(params, 'Audit export');
  const file = await openAuditExport(id, user);
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'Content-Type': 'application/x-ndjson',
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
