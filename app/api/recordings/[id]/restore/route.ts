// GET  /api/recordings/:id/restore — storage class and retrieval status of the stored version.
// POST /api/recordings/:id/restore — "retrieve" a cold recording with a stated reason (RestoreObject; audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { getRestoreState } from '@/lib/restore/get-restore-state';
import { requestRestore } from '@/lib/restore/request-restore';
import { ZRestoreRequest } from '@/lib/restore/restore-request';

export const dynamic = 'force-dynamic';

const NO_STORE = { headers: { 'Cache-Control': 'no-store' } };

export const GET = withRole(rolesFor('recordings.play', 'quarantine.play'), null, async ({ params, user }) =>
  json(await getRestoreState({ recordingId: uuidParam(params, 'Recording'), user }), NO_STORE),
);

export const POST = withRole(rolesFor('recordings.play', 'quarantine.play'), ZRestoreRequest, async ({ params, input, user }) =>
  json(await requestRestore({ recordingId: uuidParam(params, 'Recording'), reason: input.reason, user }), { status: 202, ...NO_STORE }),
);
