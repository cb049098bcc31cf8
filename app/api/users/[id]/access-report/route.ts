// GET /api/users/:id/access-report?from&to — what the user searched, opened, played, exported and was refused (compliance; audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { userAccessReport, ZAccessReportQuery } from '@/lib/users/user-access-report';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('users.access_report'), ZAccessReportQuery, async ({ params, input, user }) =>
  json(await userAccessReport(uuidParam(params, 'User'), input, user)),
);
