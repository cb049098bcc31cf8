// GET /api/recordings — archive search (filters in the query string, keyset cursor pagination).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/http/with-role';
import { ZSearchFilter } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view'), ZSearchFilter, async ({ input, user }) => json(await searchRecordings(input, user.role)));
