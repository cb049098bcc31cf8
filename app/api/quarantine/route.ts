// GET /api/quarantine?state=&reason=&vendor=&region=&assignee=&age=&sort=&dir=&page=&pageSize= — the quarantine
// work queue: filtered, sorted and paged on the server, with the total and per-reason counts (identifiers
// masked per role). A bad parameter is a 400 naming it.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { queryObjectFromParams } from '@/lib/http/query-object';
import { withRole } from '@/lib/auth/with-role';
import { listQuarantineQueue } from '@/lib/quarantine/list-quarantine-queue';
import { parseQuarantineQuery } from '@/lib/quarantine/quarantine-query';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('quarantine.view'), null, async ({ req, user }) =>
  json(await listQuarantineQueue(parseQuarantineQuery(queryObjectFromParams(req.nextUrl.searchParams)), user)),
);
