// POST /api/matters/:id/hold — place the matter's legal hold on all its recordings (confirmed count, reason; audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { holdMatterRecordings, ZMatterHoldAction } from '@/lib/legal-hold/hold-matter-recordings';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('legal_hold.manage'), ZMatterHoldAction, async ({ params, input, user }) =>
  json(await holdMatterRecordings(params.id ?? '', 'place', input, user)),
);
