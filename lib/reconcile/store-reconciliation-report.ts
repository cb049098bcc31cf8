// Signs a reconciliation document with the audit key provider and stores it in the account region's audit
// bucket under Object Lock COMPLIANCE (as long as the recordings it vouches for), read back and confirmed
// like every audit object. Stored form: canonical JSON of { report, signature } — a verifier recomputes
// canonicalJson(report) and checks the signature with the named key.
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { canonicalJson } from '@/lib/audit/canonical-json';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { putLockedAuditObject } from '@/lib/audit/put-locked-audit-object';
import { env } from '@/lib/env';
import type { TReconciliationDocument } from '@/lib/reconcile/types';
import { bucketName } from '@/lib/storage/buckets';

const DAY_MS = 24 * 3600_000;

export type TStoredReport = { bucket: string; key: string; versionId: string | null; sha256: string; signature: string; keyId: string };

export async function storeReconciliationReport(
  s3: S3Client,
  provider: TAuditKeyProvider,
  doc: TReconciliationDocument,
): Promise<TStoredReport> {
  const keyId = provider.activeKeyId();
  const signature = await provider.sign(keyId, canonicalJson(doc));
  const body = Buffer.from(`${canonicalJson({ report: doc, signature: { alg: 'HMAC-SHA256', keyId, value: signature } })}\n`);
  const sha256 = createHash('sha256').update(body).digest('hex');
  const bucket = bucketName('audit', doc.residencyRegion);
  const key = `reconciliation/${doc.vendorAccountId}/${doc.day}/${doc.id}.json`;
  const retainUntil = new Date(Date.now() + env().RETENTION_DEFAULT_DAYS * DAY_MS);
  const versionId = await putLockedAuditObject(s3, { bucket, key, body, contentType: 'application/json', retainUntil }, env());
  return { bucket, key, versionId, sha256, signature, keyId };
}
