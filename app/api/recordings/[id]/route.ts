// GET /api/recordings/:id — one recording's metadata, raw payloads, storage, holds and quarantine cases (masked per role).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/http/with-role';
import { getRecording } from '@/lib/recordings/get-recording';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view'), null, async ({ params, user }) => json(await getRecording(uuidParam(params, 'Recording'), user.role)));
