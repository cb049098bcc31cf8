// GET /api/operations/poll-cursors — where each vendor account's fallback poll stands (admin).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listPollCursors } from '@/lib/ingest/list-poll-cursors';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('operations.view'), null, async () => json({ cursors: await listPollCursors() }));
