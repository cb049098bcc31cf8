// GET /api/quarantine/:id — one quarantine case as the queue presents it (summary, evidence, assignee, re-fetch).
import { rolesFor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/app-error';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { listQuarantineQueue } from '@/lib/quarantine/list-quarantine-queue';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('quarantine.view'), null, async ({ params, user }) => {
  const { items } = await listQuarantineQueue({ caseId: uuidParam(params, 'Quarantine case'), state: 'ALL', pageSize: 1 }, user);
  if (!items[0]) throw new AppError('not_found', 'Quarantine case not found');
  return json(items[0]);
});
