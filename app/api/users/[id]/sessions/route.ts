// GET /api/users/:id/sessions — the user's sessions; DELETE — sign them out everywhere (admin, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { listUserSessions } from '@/lib/users/list-user-sessions';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('users.manage'), null, async ({ params }) =>
  json({ sessions: await listUserSessions(uuidParam(params, 'User')) }),
);

export const DELETE = withRole(rolesFor('users.manage'), null, async ({ params, user }) =>
  json(await signOutEverywhere(uuidParam(params, 'User'), user)),
);
