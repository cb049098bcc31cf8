// GET /api/recordings — archive search (filters in the query string, keyset cursor pagination); each search is audited.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { auditedSearch } from '@/lib/recordings/audited-search';
import { ZSearchFilter } from '@/lib/recordings/search-filter';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view'), ZSearchFilter, async ({ input, user }) => json(await auditedSearch(input, user)));
