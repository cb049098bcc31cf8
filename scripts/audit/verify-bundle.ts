// Offline verifier for CallVault audit bundles (docs/audit-bundle-format.md) and evidence packages
// (docs/evidence-package-format.md: a tar, recognised by its header). Needs only the bundle files
// and CallVault's PUBLISHED public keys: no database, no network, no secret. `npm run build:verifier`
// turns this file into one self-contained JavaScript file (dist/callvault-verify-bundle.mjs) that runs
// on Node.js 20+ without this repository.
//
//   node callvault-verify-bundle.mjs --keys audit-keys.json <bundle-or-package> [...] [--json]
//
//   --keys FILE   the public keys, as served by /api/audit/keys (or a JSON array of its "keys")
//   --json        print the results as JSON
// Exit 0: every bundle is valid. Exit 1: at least one is invalid (its first bad line is named).
// Exit 2: usage error or unreadable file.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { verifyAuditBundle, type TBundleVerification } from '@/lib/audit/verify-audit-bundle';
import { parsePublishedKeys } from '@/lib/audit/verify-signature';
import { verifyEvidencePackage, type TEvidenceVerification } from '@/lib/evidence/verify-evidence-package';

const USAGE = 'usage: callvault-verify-bundle --keys KEYS.json <bundle-or-package-file> [...] [--json]';

function usage(message: string): never {
  console.error(`verify-bundle: ${message}\n${USAGE}`);
  process.exit(2);
}

function describeValid(result: Extract<TBundleVerification, { ok: true }>): string[] {
  const range = result.sequenceRange;
  const out = [`  bundle:       ${result.kind} ${result.id}${result.filtered ? ' (filtered scope)' : ''}`];
  for (const s of result.signatures)
    out.push(`  signature:    ${s.signed} signed by ${s.keyId} (${s.algorithm}, ${s.fingerprint}) at ${s.signedAt}: valid`);
  out.push(
    `  chain:        ${result.chainLinks} link(s) checked, entries ${result.firstSequence ?? '-'}..${result.lastSequence ?? '-'} continuous`,
  );
  if (result.inclusion) {
    const c = result.inclusion;
    out.push(
      `  inclusion:    every sequence of the range is in checkpoint ${c.id} (tree size ${c.treeSize}, root ${c.rootHash}, published ${c.createdAt})`,
    );
  } else out.push('  inclusion:    not claimed (no checkpoint in this bundle)');
  if (result.consistency) {
    const { from, to } = result.consistency;
    out.push(
      `  consistency:  checkpoint ${to.id} (size ${to.treeSize}) extends checkpoint ${from.id} (size ${from.treeSize}, root ${from.rootHash})`,
    );
  }
  const scope = result.filtered
    ? `${result.entryCount} matching entr${result.entryCount === 1 ? 'y' : 'ies'} in full, ${result.leafCount} outside the filter as hashes`
    : `${result.entryCount} entries in full`;
  out.push(`  completeness: ${range ? `range ${range.first}..${range.last} complete: ${scope}` : 'empty range'}`);
  out.push(`  manifest:     sha256 ${result.manifestHash}; content ${result.contentBytes} bytes, sha256 ${result.contentSha256}`);
  out.push('  note:         per-entry HMAC signatures are internal and were not checked (they need a secret key)');
  return out;
}

/** A POSIX tar carries "ustar" at byte 257 of its first header. */
async function isTar(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(262), 0, 262, 0);
    return bytesRead === 262 && buffer.subarray(257, 262).toString('latin1') === 'ustar';
  } finally {
    await handle.close();
  }
}

function reportPackage(file: string, result: TEvidenceVerification): void {
  if (!result.ok) {
    console.log(`INVALID ${file}`);
    console.log(`  file:    ${result.file ?? '(archive)'}`);
    console.log(`  reason:  [${result.code}] ${result.message}`);
    return;
  }
  const s = result.signature;
  console.log(`VALID ${file}`);
  console.log(`  package:      evidence ${result.id} for ${result.subject}, built ${result.createdAt} by ${result.createdBy}`);
  console.log(`  signature:    manifest signed by ${s.keyId} (${s.algorithm}, ${s.fingerprint}): valid`);
  console.log(
    `  files:        ${result.files} file(s) present with the SHA-256 the manifest lists, nothing else; ${result.recordings} recording(s), audio matches the archived checksums`,
  );
  console.log(`  identifiers:  ${result.identifiers}`);
  for (const line of describeValid(result.audit)) console.log(`  audit ${line.trimStart()}`);
}

function report(file: string, result: TBundleVerification): void {
  if (result.ok) {
    console.log([`VALID ${file}`, ...describeValid(result)].join('\n'));
    return;
  }
  const where = result.part === 'entry' ? `entry, sequence ${result.sequence ?? 'unknown'}` : result.part;
  console.log(`INVALID ${file}`);
  console.log(`  first bad line: ${result.line} (${where})`);
  console.log(`  reason:         [${result.code}] ${result.message}`);
  console.log(`  entries read before it: ${result.entriesVerified}`);
}

async function loadKeys(file: string | undefined): Promise<TPublishedKey[]> {
  if (!file) usage('--keys is required: the published public keys (see docs/for-auditors.md)');
  try {
    return parsePublishedKeys(await readFile(file, 'utf8'));
  } catch (error) {
    usage(`--keys ${file}: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { keys: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    usage((error as Error).message);
  }
  const files = parsed.positionals;
  if (files.length === 0) usage('give at least one bundle file');
  for (const file of files) if (!(await stat(file).catch(() => null))?.isFile()) usage(`cannot read ${file}`);
  const publicKeys = await loadKeys(parsed.values.keys);
  const results: { file: string; result: TBundleVerification | TEvidenceVerification; tar: boolean }[] = [];
  for (const file of files) {
    const tar = await isTar(file);
    const result = tar
      ? await verifyEvidencePackage(createReadStream(file), { publicKeys })
      : await verifyAuditBundle(createReadStream(file), { publicKeys });
    results.push({ file, result, tar });
  }
  if (parsed.values.json)
    console.log(JSON.stringify(results.length === 1 ? results[0]!.result : results.map(({ file, result }) => ({ file, result })), null, 2));
  else {
    for (const { file, result, tar } of results) {
      if (tar) reportPackage(file, result as TEvidenceVerification);
      else report(file, result as TBundleVerification);
    }
  }
  process.exitCode = results.every((r) => r.result.ok) ? 0 : 1;
}

await main();
