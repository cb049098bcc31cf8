// The worker picked up a re-fetch a reviewer asked for: the queue shows it running instead of queued.
// Only a case still waiting for this re-fetch moves; a retry of the same job changes nothing.
import { db } from '@/lib/db';

export async function markRefetchRunning(caseId: string): Promise<void> {
  await db().quarantineCase.updateMany({
    where: { id: caseId, state: 'REFETCH_REQUESTED', refetchStatus: { in: ['QUEUED', 'RUNNING'] } },
    data: { refetchStatus: 'RUNNING', refetchAt: new Date() },
  });
}
