// GET /api/operations/extra-versions — locked storage versions that are not a recording's media (admin).
import { listExtraVersions } from '@/lib/archive/list-extra-versions';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('operations.view'), null, async () => json(await listExtraVersions()));
