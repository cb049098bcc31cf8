// GET /api/matters/:id — one matter: counts, hold state and what the caller may do with it.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { getMatter } from '@/lib/legal-hold/get-matter';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('matters.view'), null, async ({ params, user }) => json(await getMatter(params.id ?? '', user.role)));
