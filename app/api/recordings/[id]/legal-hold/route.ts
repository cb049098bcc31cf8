// POST /api/recordings/:id/legal-hold — place a legal hold with a case reference (S3 object legal hold + record + audit).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/http/with-role';
import { placeLegalHold, ZPlaceLegalHold } from '@/lib/legal-hold/place-legal-hold';

export const dynamic = 'force-dynamic';

const ZBody = ZPlaceLegalHold.omit({ recordingId: true });

export const POST = withRole(rolesFor('legal_hold.manage'), ZBody, async ({ params, input, user }) => {
  await placeLegalHold({ recordingId: uuidParam(params, 'Recording'), caseReference: input.caseReference, reason: input.reason, user });
  return json({ ok: true }, { status: 201 });
});
