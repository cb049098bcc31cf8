// The people a case can be assigned to: active users whose role works the quarantine queue.
import { rolesFor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

export async function listQuarantineReviewers() {
  const users = await db().user.findMany({
    where: { disabled: false, role: { in: rolesFor('quarantine.decide') } },
    select: { id: true, email: true, name: true, role: true },
    orderBy: { email: 'asc' },
    take: 500,
  });
  return { items: users };
}
