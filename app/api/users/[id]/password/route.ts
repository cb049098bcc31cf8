// PUT /api/users/:id/password — an admin sets a new password (policy-checked); the user's sessions end; audited.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { resetPassword } from '@/lib/users/reset-password';
import { ZResetPassword } from '@/lib/users/user-schemas';

export const dynamic = 'force-dynamic';

export const PUT = withRole(rolesFor('users.manage'), ZResetPassword, async ({ params, input, user }) => {
  await resetPassword(uuidParam(params, 'User'), input.password, user);
  return json({ ok: true });
});
