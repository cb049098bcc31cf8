// GET /api/recordings/:id — one recording's metadata, raw payloads, storage, holds and quarantine cases (masked per role, region-scoped, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { viewRecording } from '@/lib/recordings/view-recording';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view'), null, async ({ params, user }) =>
  json(await viewRecording(uuidParam(params, 'Recording'), user)),
);
