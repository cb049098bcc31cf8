// PATCH /api/users/:id — change a user's role and/or disable/enable them (admin, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { updateUser } from '@/lib/users/update-user';
import { ZUpdateUser } from '@/lib/users/user-schemas';

export const dynamic = 'force-dynamic';

export const PATCH = withRole(rolesFor('users.manage'), ZUpdateUser, async ({ params, input, user }) => {
  await updateUser(uuidParam(params, 'User'), input, user);
  return json({ ok: true });
});
