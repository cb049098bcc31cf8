// POST /api/operations/dead-letters/:id/replay — re-enqueue a dead-lettered job (admin, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { replayDeadLetter } from '@/lib/dead-letters/replay-dead-letter';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('dead_letters.replay'), null, async ({ params, user }) => {
  const id = uuidParam(params, 'Dead letter');
  await replayDeadLetter(id, user);
  return json({ ok: true });
});
