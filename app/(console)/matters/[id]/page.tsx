import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { MatterDetail } from '@/components/matters/matter-detail';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { getMatter } from '@/lib/legal-hold/get-matter';

export const metadata: Metadata = { title: 'Matter — CallVault' };
export const dynamic = 'force-dynamic';

export default async function MatterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  if (!can(user.role, 'matters.view')) return <Forbidden what="matters" />;
  const matter = await getMatter((await params).id, user.role);
  return <MatterDetail initial={matter} />;
}
