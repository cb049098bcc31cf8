// Checks a stored reconciliation report (the object in the audit bucket) against a key provider: the
// document must parse, name its format, and its signature must be the named key's signature over the
// canonical JSON of the report. Any changed byte of the report changes that JSON and fails the check.
import { canonicalJson } from '@/lib/audit/canonical-json';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import type { TReconciliationDocument } from '@/lib/reconcile/types';

export type TReportVerdict = { ok: true; report: TReconciliationDocument; keyId: string } | { ok: false; reason: string };

export async function verifyReconciliationReport(text: string, provider: TAuditKeyProvider): Promise<TReportVerdict> {
  let stored: { report?: TReconciliationDocument; signature?: { alg?: string; keyId?: string; value?: string } };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const { report, signature } = stored;
  if (report?.format !== 'callvault-reconciliation/1') return { ok: false, reason: 'not a callvault-reconciliation/1 report' };
  if (signature?.alg !== 'HMAC-SHA256' || !signature.keyId || !signature.value)
    return { ok: false, reason: 'signature missing or of an unknown algorithm' };
  if (!provider.hasKey(signature.keyId)) return { ok: false, reason: `key ${signature.keyId} is not available to this verifier` };
  if (!(await provider.verify(signature.keyId, canonicalJson(report), signature.value)))
    return { ok: false, reason: `signature does not match the report (key ${signature.keyId})` };
  return { ok: true, report, keyId: signature.keyId };
}
