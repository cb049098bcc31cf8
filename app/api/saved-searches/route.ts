// GET /api/saved-searches — the caller's saved archive searches; POST — save the current filter under a name.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { createSavedSearch, listSavedSearches, ZCreateSavedSearch } from '@/lib/recordings/saved-searches';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view'), null, async ({ user }) => json({ savedSearches: await listSavedSearches(user) }));

export const POST = withRole(rolesFor('recordings.view'), ZCreateSavedSearch, async ({ input, user }) =>
  json(await createSavedSearch(input, user), { status: 201 }),
);
