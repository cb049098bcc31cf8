// POST /api/recordings/:id/legal-hold/lift — lift ONE matter's legal hold (matterId or caseReference); other matters keep holding.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { liftLegalHold, ZLiftLegalHold } from '@/lib/legal-hold/lift-legal-hold';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('legal_hold.manage'), ZLiftLegalHold, async ({ params, input, user }) =>
  json({ ok: true, ...(await liftLegalHold({ recordingId: uuidParam(params, 'Recording'), ...input, user })) }),
);
