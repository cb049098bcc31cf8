import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditExportPage } from '@/components/audit/audit-export-page';
import { Forbidden } from '@/components/forbidden';
import { Loading } from '@/components/ui/query-state';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Audit export — CallVault' };

/** The verifier's key argument for this deployment's provider (key material is never shown). */
function verifyKeyArg(): string {
  const e = env();
  if (e.AUDIT_KEY_PROVIDER === 'kms') return `--kms <keyId>=<kms-key-arn> --kms-region ${e.AUDIT_KMS_REGION ?? '<region>'}`;
  return `--key ${e.AUDIT_ACTIVE_KEY_ID ?? '<keyId>'}:<base64 key from AUDIT_HMAC_KEYS>`;
}

export default async function AuditPage() {
  const user = await pageUser();
  if (!can(user.role, 'audit.export')) return <Forbidden what="audit exports" />;
  return (
    <>
      <h1>Audit export</h1>
      <p className="muted">A signed, hash-chained bundle of audit entries that anyone holding the key can verify offline; changing one byte makes verification fail.</p>
      <Suspense fallback={<Loading />}>
        <AuditExportPage verifyKeyArg={verifyKeyArg()} />
      </Suspense>
    </>
  );
}
