// GET /api/operations/queues — current job counts per queue (admin).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { getQueueStats } from '@/lib/queue/get-queue-stats';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('operations.view'), null, async () => json({ queues: await getQueueStats() }));
