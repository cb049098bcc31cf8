// POST /api/matters/:id/hold/release — release THIS matter's hold on all its recordings; other matters keep theirs.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { holdMatterRecordings, ZMatterHoldAction } from '@/lib/legal-hold/hold-matter-recordings';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('legal_hold.manage'), ZMatterHoldAction, async ({ params, input, user }) =>
  json(await holdMatterRecordings(params.id ?? '', 'release', input, user)),
);
