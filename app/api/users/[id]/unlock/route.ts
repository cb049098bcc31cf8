// POST /api/users/:id/unlock — forget the user's failed sign-ins from every address (admin, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { unlockUser } from '@/lib/users/unlock-user';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('users.manage'), null, async ({ params, user }) =>
  json(await unlockUser(uuidParam(params, 'User'), user)),
);
