// Verifies a reconciliation report downloaded from the audit bucket, offline: the file and the HMAC key(s).
//   node --import tsx scripts/reconcile/verify-report.ts <report.json> (--key keyId:base64 ... | --keys-from-env)
//   exit 0: VALID with the report's counts; exit 1: INVALID with the reason; exit 2: usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LocalKeyProvider, parseLocalKeys } from '@/lib/audit/local-key-provider';
import { verifyReconciliationReport } from '@/lib/reconcile/verify-reconciliation-report';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string', multiple: true }, 'keys-from-env': { type: 'boolean' } },
});
const spec = values['keys-from-env'] ? process.env.AUDIT_HMAC_KEYS : values.key?.join(',');
if (positionals.length !== 1 || !spec) {
  console.error('usage: verify-report.ts <report.json> (--key keyId:base64 ... | --keys-from-env)');
  process.exit(2);
}
const keys = parseLocalKeys(spec, values['keys-from-env'] ? 'AUDIT_HMAC_KEYS' : '--key');
const verdict = await verifyReconciliationReport(readFileSync(positionals[0]!, 'utf8'), new LocalKeyProvider(keys, [...keys.keys()][0]!));
if (!verdict.ok) {
  console.log(`INVALID: ${verdict.reason}`);
  process.exit(1);
}
const r = verdict.report;
console.log(
  `VALID: ${r.vendorAccountId} ${r.day}, signed with ${verdict.keyId}: ${JSON.stringify(r.counts)}, ${r.findings.length} finding(s)`,
);
