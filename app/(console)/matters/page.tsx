import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { CreateMatterForm } from '@/components/matters/create-matter-form';
import { MatterList } from '@/components/matters/matter-list';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { listMatters } from '@/lib/legal-hold/list-matters';

export const metadata: Metadata = { title: 'Matters — CallVault' };
export const dynamic = 'force-dynamic';

export default async function MattersPage() {
  const user = await pageUser();
  if (!can(user.role, 'matters.view')) return <Forbidden what="matters" />;
  const matters = await listMatters();
  return (
    <>
      <h1>Matters</h1>
      <p className="muted">eDiscovery cases: the recordings each collects, its legal hold on them, and evidence packages.</p>
      {can(user.role, 'legal_hold.manage') ? (
        <section className="panel">
          <h2>Open a matter</h2>
          <CreateMatterForm />
        </section>
      ) : null}
      <section className="panel">
        <MatterList matters={matters} timeZone={user.timeZone} />
      </section>
    </>
  );
}
