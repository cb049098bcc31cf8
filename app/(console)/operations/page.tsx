import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { DeadLettersPanel } from '@/components/operations/dead-letters-panel';
import { ExtraVersionsPanel } from '@/components/operations/extra-versions-panel';
import { HealthPanel } from '@/components/operations/health-panel';
import { PollCursorsPanel } from '@/components/operations/poll-cursors-panel';
import { QueuesPanel } from '@/components/operations/queues-panel';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';

export const metadata: Metadata = { title: 'Operations — CallVault' };

export default async function OperationsPage() {
  const user = await pageUser();
  if (!can(user.role, 'operations.view')) return <Forbidden what="operations" />;
  return (
    <>
      <h1>Operations</h1>
      <HealthPanel />
      <QueuesPanel />
      <DeadLettersPanel />
      <PollCursorsPanel />
      <ExtraVersionsPanel />
    </>
  );
}
