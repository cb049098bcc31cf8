import type { Metadata } from 'next';
import { ArchiveDashboard } from '@/components/dashboard/archive-dashboard';
import { pageUser } from '@/lib/auth/page-user';

export const metadata: Metadata = { title: 'Archive health — CallVault' };

// The console's front door: archive health, each figure for the roles that may see it.
export default async function HomePage() {
  await pageUser();
  return (
    <>
      <h1>Archive health</h1>
      <ArchiveDashboard />
    </>
  );
}
