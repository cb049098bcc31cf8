// POST /api/quarantine/:id/assignment — assign a case to yourself ("me") or a reviewer, or unassign (null); audited.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { assignQuarantineCase, ZAssignQuarantineCase } from '@/lib/quarantine/assign-quarantine-case';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('quarantine.decide'), ZAssignQuarantineCase, async ({ params, input, user }) =>
  json(await assignQuarantineCase({ caseId: uuidParam(params, 'Quarantine case'), assignee: input.assignee, user })),
);
