import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { RecordingDetail } from '@/components/recordings/recording-detail';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';

export const metadata: Metadata = { title: 'Recording — CallVault' };

export default async function RecordingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  if (!can(user.role, 'recordings.view')) return <Forbidden what="recording details" />;
  const { id } = await params;
  return <RecordingDetail id={id} />;
}
