import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { CaseDetail } from '@/components/quarantine/case-detail';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';

export const metadata: Metadata = { title: 'Quarantine case — CallVault' };

export default async function QuarantineCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  if (!can(user.role, 'quarantine.view')) return <Forbidden what="quarantine cases" />;
  const { id } = await params;
  return <CaseDetail id={id} canDecide={can(user.role, 'quarantine.decide')} canOpenRecording={can(user.role, 'recordings.view')} />;
}
