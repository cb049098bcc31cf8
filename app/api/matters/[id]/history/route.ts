// GET /api/matters/:id/history — audit entries for the matter and the holds that name it, newest first.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listMatterHistory } from '@/lib/legal-hold/list-matter-history';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('matters.view'), null, async ({ params, user }) =>
  json(await listMatterHistory(params.id ?? '', user.role)),
);
