// GET /api/users — list console users; POST /api/users — create a local user with an initial password (admin, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { createUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { ZCreateUser } from '@/lib/users/user-schemas';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('users.manage'), null, async () => json({ users: await listUsers() }));

export const POST = withRole(rolesFor('users.manage'), ZCreateUser, async ({ input, user }) =>
  json(await createUser(input, user), { status: 201 }),
);
