import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditExportPage } from '@/components/audit/audit-export-page';
import { AuditLogSearch } from '@/components/audit/audit-log-search';
import { ExportHistory } from '@/components/audit/export-history';
import { Forbidden } from '@/components/forbidden';
import { Loading } from '@/components/ui/query-state';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';

export const metadata: Metadata = { title: 'Audit — CallVault' };

/** The verifier reads the public keys as served by /api/audit/keys: no secret is ever needed. */
const VERIFY_KEY_ARG = '--keys audit-keys.json';

export default async function AuditPage() {
  const user = await pageUser();
  if (!can(user.role, 'audit.export')) return <Forbidden what="the audit log" />;
  return (
    <>
      <h1>Audit</h1>
      <AuditLogSearch />
      <h2>Signed export</h2>
      <p className="muted">
        A signed bundle of audit entries with Merkle proofs against a published checkpoint. Anyone holding the{' '}
        <a href="/audit/keys">public keys</a> can verify it offline, and nobody can forge one with them; changing one byte makes
        verification fail.
      </p>
      <Suspense fallback={<Loading />}>
        <AuditExportPage verifyKeyArg={VERIFY_KEY_ARG} />
      </Suspense>
      <ExportHistory />
    </>
  );
}
