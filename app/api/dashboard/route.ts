// GET /api/dashboard — archive health for the home page; each section only for the roles that may see it.
import { ROLES } from '@/lib/auth/permissions';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';

export const dynamic = 'force-dynamic';

export const GET = withRole([...ROLES], null, async ({ user }) => json(await getDashboard(user.role)));
