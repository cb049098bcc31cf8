// GET /api/recordings/:id/audit — the recording's audit history (its own entries and its quarantine cases'), newest first.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { listRecordingAudit } from '@/lib/recordings/list-recording-audit';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('audit.view'), null, async ({ params, user }) =>
  json(await listRecordingAudit(uuidParam(params, 'Recording'), user)),
);
