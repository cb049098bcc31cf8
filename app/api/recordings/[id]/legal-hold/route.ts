// POST /api/recordings/:id/legal-hold — place a matter's legal hold (matterId or caseReference; S3 object legal hold + record + audit).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { placeLegalHold, ZPlaceLegalHold } from '@/lib/legal-hold/place-legal-hold';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('legal_hold.manage'), ZPlaceLegalHold, async ({ params, input, user }) => {
  await placeLegalHold({ recordingId: uuidParam(params, 'Recording'), ...input, user });
  return json({ ok: true }, { status: 201 });
});
