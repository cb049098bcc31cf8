// GET /api/operations/queues/history?minutes=60 — sampled queue depths and completed/failed rates (admin).
import { z } from 'zod';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { getQueueHistory } from '@/lib/queue/get-queue-history';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  minutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
});

export const GET = withRole(rolesFor('operations.view'), ZQuery, async ({ input }) =>
  json({ points: await getQueueHistory(input.minutes) }),
);
