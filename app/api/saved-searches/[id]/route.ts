// DELETE /api/saved-searches/:id — delete one of the caller's saved searches (another user's is a 404).
import { rolesFor } from '@/lib/auth/permissions';
import { withRole } from '@/lib/auth/with-role';
import { uuidParam } from '@/lib/http/uuid-param';
import { deleteSavedSearch } from '@/lib/recordings/saved-searches';

export const dynamic = 'force-dynamic';

export const DELETE = withRole(rolesFor('recordings.view'), null, async ({ params, user }) => {
  await deleteSavedSearch(uuidParam(params, 'Saved search'), user);
  return new Response(null, { status: 204 });
});
