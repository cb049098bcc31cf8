// GET /api/operations/dead-letters?state=open|replayed|all&cursor= — jobs that failed every attempt (admin).
import { z } from 'zod';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listDeadLetters } from '@/lib/dead-letters/dead-letters';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  state: z.enum(['open', 'replayed', 'all']).default('open'),
  cursor: z.uuid().optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = withRole(rolesFor('operations.view'), ZQuery, async ({ input }) => json(await listDeadLetters(input)));
