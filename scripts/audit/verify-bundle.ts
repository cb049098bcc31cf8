// Offline verifier for CallVault audit bundles (docs/audit-bundle-format.md). No database, no network
// (unless --kms is used): the bundle file and the HMAC keys are all it needs.
//
//   node --import tsx scripts/audit/verify-bundle.ts <bundle-file> [--key keyId:base64 ...] [--keys-file FILE]
//                                                    [--keys-from-env] [--kms keyId=arn ... --kms-region REGION] [--json]
//
//   --key keyId:base64   an HMAC key (repeatable); same format as AUDIT_HMAC_KEYS entries
//   --keys-file FILE     keys, one "keyId:base64" per line (or comma-separated); # comments allowed
//   --keys-from-env      the keys in AUDIT_HMAC_KEYS
//   --kms keyId=arn      verify that key id with AWS KMS VerifyMac (network; needs kms:VerifyMac on the key)
//   --json               print the result as JSON
// Exit 0: valid. Exit 1: invalid — the first bad line is named (line number, part, sequence, reason).
// Exit 2: usage error or unreadable file.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { LocalKeyProvider, parseLocalKeys } from '@/lib/audit/local-key-provider';
import { verifyAuditBundle, type TBundleVerification } from '@/lib/audit/verify-audit-bundle';

function usage(message: string): never {
  console.error(`verify-bundle: ${message}\nusage: verify-bundle.ts <bundle-file> [--key keyId:base64 ...] [--keys-file FILE] [--keys-from-env] [--kms keyId=arn ... --kms-region REGION] [--json]`);
  process.exit(2);
}

/** Routes each key id to the provider that holds it (local keys and/or KMS keys). */
function combine(providers: TAuditKeyProvider[]): TAuditKeyProvider {
  const owner = (keyId: string) => providers.find((p) => p.hasKey(keyId));
  return {
    activeKeyId: () => providers[0]!.activeKeyId(),
    hasKey: (keyId) => owner(keyId) !== undefined,
    sign: () => Promise.reject(new Error('the verifier never signs')),
    verify: async (keyId, message, signature) => (await owner(keyId)?.verify(keyId, message, signature)) ?? false,
  };
}

async function buildProvider(values: { key?: string[]; 'keys-file'?: string; 'keys-from-env'?: boolean; kms?: string[]; 'kms-region'?: string }) {
  const specs = [...(values.key ?? [])];
  if (values['keys-file']) specs.push(await readFile(values['keys-file'], 'utf8'));
  if (values['keys-from-env']) specs.push(process.env.AUDIT_HMAC_KEYS ?? usage('--keys-from-env: AUDIT_HMAC_KEYS is not set'));
  const providers: TAuditKeyProvider[] = [];
  if (specs.length) {
    const keys = parseLocalKeys(specs.join('\n'), 'keys');
    providers.push(new LocalKeyProvider(keys, [...keys.keys()][0]!));
  }
  if (values.kms?.length) {
    const [{ KMSClient }, { KmsKeyProvider, parseKmsKeys }] = await Promise.all([import('@aws-sdk/client-kms'), import('@/lib/audit/kms-key-provider')]);
    const keys = parseKmsKeys(values.kms.join(','));
    providers.push(new KmsKeyProvider(new KMSClient(values['kms-region'] ? { region: values['kms-region'] } : {}), keys, [...keys.keys()][0]!));
  }
  if (!providers.length) usage('no keys given: use --key, --keys-file, --keys-from-env or --kms');
  return combine(providers);
}

function report(file: string, result: TBundleVerification): void {
  if (!result.ok) {
    const where = result.part === 'entry' ? `entry, sequence ${result.sequence ?? 'unknown'}` : result.part;
    console.log(`INVALID ${file}`);
    console.log(`  first bad line: ${result.line} (${where})`);
    console.log(`  reason:         [${result.code}] ${result.message}`);
    console.log(`  entries verified before it: ${result.entriesVerified}`);
    return;
  }
  const range = result.entryCount ? `sequences ${result.firstSequence}..${result.lastSequence}, ${result.gapCount === 0 ? 'contiguous' : `${result.gapCount} scope gap(s)`}` : 'empty';
  console.log(`VALID ${file}`);
  console.log(`  bundle:   ${result.kind} ${result.id}${result.filtered ? ' (filtered scope)' : ''}`);
  console.log(`  entries:  ${result.entryCount} (${range})`);
  console.log(`  keys:     ${result.keyIds.join(', ') || '-'}`);
  console.log(`  manifest: sha256 ${result.manifestHash}, signed with ${result.manifestKeyId}`);
  console.log(`  content:  ${result.contentBytes} bytes, sha256 ${result.contentSha256}`);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        key: { type: 'string', multiple: true },
        'keys-file': { type: 'string' },
        'keys-from-env': { type: 'boolean' },
        kms: { type: 'string', multiple: true },
        'kms-region': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) usage('give exactly one bundle file');
  if (!(await stat(file).catch(() => null))?.isFile()) usage(`cannot read ${file}`);
  let provider: TAuditKeyProvider;
  try {
    provider = await buildProvider(parsed.values);
  } catch (error) {
    usage((error as Error).message);
  }
  const result = await verifyAuditBundle(createReadStream(file), { provider });
  if (parsed.values.json) console.log(JSON.stringify(result, null, 2));
  else report(file, result);
  process.exitCode = result.ok ? 0 : 1;
}

await main();
