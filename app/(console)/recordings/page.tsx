import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Forbidden } from '@/components/forbidden';
import { RecordingsSearch } from '@/components/recordings/recordings-search';
import { Loading } from '@/components/ui/query-state';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { env } from '@/lib/env';
import { EXPORT_MAX_ROWS } from '@/lib/recordings/export-search';

export const metadata: Metadata = { title: 'Archive — CallVault' };

export default async function RecordingsPage() {
  const user = await pageUser();
  if (!can(user.role, 'recordings.view')) return <Forbidden what="the archive search" />;
  // A region-scoped user picks among their own regions only.
  const regions = env().RESIDENCY_REGIONS.filter((r) => user.regions.length === 0 || user.regions.includes(r));
  return (
    <>
      <h1>Archive</h1>
      {can(user.role, 'identifiers.unmasked') ? null : <p className="muted">Customer identifiers are masked for your role.</p>}
      <Suspense fallback={<Loading />}>
        <RecordingsSearch
          masked={!can(user.role, 'identifiers.unmasked')}
          regions={regions}
          exportLimit={EXPORT_MAX_ROWS}
          canManageMatters={can(user.role, 'legal_hold.manage')}
        />
      </Suspense>
    </>
  );
}
