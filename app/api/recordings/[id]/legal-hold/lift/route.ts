// POST /api/recordings/:id/legal-hold/lift — lift the recording's active legal holds (record + audit, then S3).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/http/with-role';
import { liftLegalHold, ZLiftLegalHold } from '@/lib/legal-hold/lift-legal-hold';

export const dynamic = 'force-dynamic';

const ZBody = ZLiftLegalHold.omit({ recordingId: true });

export const POST = withRole(rolesFor('legal_hold.manage'), ZBody, async ({ params, input, user }) => {
  await liftLegalHold({ recordingId: uuidParam(params, 'Recording'), reason: input.reason, user });
  return json({ ok: true });
});
