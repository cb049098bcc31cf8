import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { QuarantineQueue } from '@/components/quarantine/quarantine-queue';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Quarantine review — CallVault' };

export default async function QuarantinePage() {
  const user = await pageUser();
  if (!can(user.role, 'quarantine.view')) return <Forbidden what="the quarantine queue" />;
  const regions = user.regions.length > 0 ? user.regions : env().RESIDENCY_REGIONS;
  return (
    <>
      <h1>Quarantine review</h1>
      <p className="muted">
        Recordings held back by the pipeline: truncated media, invalid metadata, residency violations, checksum mismatches, unreadable
        media. Open a case to listen, then accept with a note, re-fetch from the vendor, or escalate; or decide several at once.
        {can(user.role, 'identifiers.unmasked') ? '' : ' Customer identifiers are masked for your role.'}
      </p>
      <QuarantineQueue canDecide={can(user.role, 'quarantine.decide')} regions={regions} slaHours={env().QUARANTINE_SLA_HOURS} />
    </>
  );
}
