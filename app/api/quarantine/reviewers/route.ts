// GET /api/quarantine/reviewers — the active reviewers and admins a case can be assigned to.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listQuarantineReviewers } from '@/lib/quarantine/list-quarantine-reviewers';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('quarantine.decide'), null, async () => json(await listQuarantineReviewers()));
