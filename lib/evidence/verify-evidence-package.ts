// Verifies an evidence package (package-format.ts) from a byte stream, offline, with published public keys
// only: the manifest is the last file, canonical, hashes to its stated digest and is signed (purpose
// "evidence") by a supplied key valid at its creation; every file it lists is present with that size and
// SHA-256 and nothing else is; each audio file hashes to the checksum recorded at ingest; and the audit
// bundle inside verifies on its own (chain, completeness, inclusion in a signed checkpoint) and belongs to
// this package. Part of the standalone verifier: node:crypto and tar-stream only.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { extract as tarExtract } from 'tar-stream';
import { canonicalJson } from '@/lib/audit/canonical-json';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { AnchorFault, checkSignature, type TSignatureReport } from '@/lib/audit/verify-bundle-anchor';
import { verifyAuditBundle, type TBundleVerification } from '@/lib/audit/verify-audit-bundle';
import {
  AUDIT_BUNDLE_PATH,
  EVIDENCE_FORMAT,
  EVIDENCE_FORMAT_VERSION,
  evidenceManifestDigest,
  MANIFEST_PATH,
  type TManifestFile,
  type TPackageFile,
} from '@/lib/evidence/package-format';

export type TEvidenceVerification =
  | {
      ok: true;
      id: string;
      createdAt: string;
      createdBy: string;
      subject: string;
      identifiers: 'masked' | 'clear';
      recordings: number;
      files: number;
      manifestHash: string;
      signature: TSignatureReport;
      audit: Extract<TBundleVerification, { ok: true }>;
    }
  | { ok: false; file: string | null; code: string; message: string };

class PackageFault extends Error {
  constructor(
    readonly code: string,
    readonly file: string | null,
    message: string,
  ) {
    super(message);
  }
}

type TSeen = { files: Map<string, TPackageFile>; manifest: Buffer | null; audit: Promise<TBundleVerification> | null };

async function readEntry(entry: Readable, path: string, seen: TSeen, keys: TPublishedKey[]): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  const chunks: Buffer[] = [];
  // The audit bundle is verified as it streams past (its path is fixed by the format).
  const tee = path === AUDIT_BUNDLE_PATH ? new PassThrough() : null;
  if (tee) seen.audit = verifyAuditBundle(tee, { publicKeys: keys });
  try {
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      if (path === MANIFEST_PATH) chunks.push(chunk);
      if (tee && !tee.write(chunk)) await once(tee, 'drain');
    }
  } finally {
    tee?.end();
  }
  if (path === MANIFEST_PATH) seen.manifest = Buffer.concat(chunks);
  else seen.files.set(path, { path, bytes, sha256: hash.digest('hex') });
}

function parseManifest(raw: Buffer, keys: TPublishedKey[]): { line: TManifestFile; signature: TSignatureReport } {
  let line: TManifestFile;
  try {
    line = JSON.parse(raw.toString('utf8')) as TManifestFile;
  } catch {
    throw new PackageFault('format', MANIFEST_PATH, 'manifest.json is not JSON');
  }
  const m = line?.manifest;
  if (!m || m.format !== EVIDENCE_FORMAT || m.formatVersion !== EVIDENCE_FORMAT_VERSION)
    throw new PackageFault('format', MANIFEST_PATH, `not a ${EVIDENCE_FORMAT} version ${EVIDENCE_FORMAT_VERSION} manifest`);
  if (`${canonicalJson(line)}\n` !== raw.toString('utf8'))
    throw new PackageFault('format', MANIFEST_PATH, 'manifest.json is not in canonical form');
  if (evidenceManifestDigest(m) !== line.manifestHash)
    throw new PackageFault('manifest_hash', MANIFEST_PATH, 'the manifest does not hash to its stated digest: it was altered');
  try {
    return { line, signature: checkSignature(keys, 'manifest', 'evidence', line.manifestHash, line.keyId, line.signature, m.createdAt) };
  } catch (error) {
    if (error instanceof AnchorFault) throw new PackageFault(error.code, MANIFEST_PATH, error.message);
    throw error;
  }
}

function checkFiles(line: TManifestFile, seen: TSeen): void {
  const listed = new Map(line.manifest.files.map((f) => [f.path, f]));
  for (const [path, file] of listed) {
    const got = seen.files.get(path);
    if (!got) throw new PackageFault('missing_file', path, `${path} is listed in the manifest but not in the package`);
    if (got.bytes !== file.bytes || got.sha256 !== file.sha256)
      throw new PackageFault(
        'file_hash',
        path,
        `${path} has ${got.bytes} bytes, sha256 ${got.sha256}; the manifest says ${file.bytes} bytes, sha256 ${file.sha256}`,
      );
  }
  for (const path of seen.files.keys())
    if (!listed.has(path)) throw new PackageFault('extra_file', path, `${path} is in the package but not in the signed manifest`);
  for (const r of line.manifest.recordings) {
    const audio = r.audio ? seen.files.get(r.audio) : undefined;
    if (audio && r.checksumSha256 && audio.sha256 !== r.checksumSha256)
      throw new PackageFault('audio_checksum', r.audio, `${r.audio} hashes to ${audio.sha256}, archived as ${r.checksumSha256}`);
  }
}

async function checkAudit(line: TManifestFile, seen: TSeen): Promise<Extract<TBundleVerification, { ok: true }>> {
  const path = line.manifest.auditBundle;
  if (path !== AUDIT_BUNDLE_PATH || !seen.audit)
    throw new PackageFault('missing_file', path, `the package carries no audit bundle at ${AUDIT_BUNDLE_PATH}`);
  const result = await seen.audit;
  if (!result.ok) throw new PackageFault(`audit_${result.code}`, path, `audit bundle line ${result.line}: ${result.message}`);
  if (result.id !== line.manifest.id || !result.filtered || !result.inclusion)
    throw new PackageFault('audit_scope', path, 'the audit bundle was not built for this package, or proves no inclusion in a checkpoint');
  return result;
}

export async function verifyEvidencePackage(source: Readable, opts: { publicKeys: TPublishedKey[] }): Promise<TEvidenceVerification> {
  const seen: TSeen = { files: new Map(), manifest: null, audit: null };
  try {
    const extract = tarExtract();
    source.on('error', (e) => extract.destroy(e));
    source.pipe(extract);
    try {
      for await (const entry of extract) {
        const path = entry.header.name;
        if (entry.header.type !== 'file') throw new PackageFault('format', path, `${path} is not a plain file`);
        if (seen.manifest)
          throw new PackageFault('after_manifest', path, `${path} follows the manifest: the manifest must be the last file`);
        if (seen.files.has(path)) throw new PackageFault('duplicate_file', path, `${path} appears twice`);
        await readEntry(entry, path, seen, opts.publicKeys);
      }
    } catch (error) {
      if (error instanceof PackageFault) throw error;
      throw new PackageFault('format', null, `not a readable tar archive: ${(error as Error).message}`);
    }
    if (!seen.manifest) throw new PackageFault('missing_file', MANIFEST_PATH, 'the package has no manifest.json');
    const { line, signature } = parseManifest(seen.manifest, opts.publicKeys);
    checkFiles(line, seen);
    const audit = await checkAudit(line, seen);
    const m = line.manifest;
    const subject = m.subject.kind === 'matter' ? `matter ${m.subject.matter.reference} (${m.subject.matter.name})` : 'selected recordings';
    return {
      ok: true,
      id: m.id,
      createdAt: m.createdAt,
      createdBy: `${m.createdBy.email} (${m.createdBy.role})`,
      subject,
      identifiers: m.identifiers,
      recordings: m.recordings.length,
      files: m.files.length,
      manifestHash: line.manifestHash,
      signature,
      audit,
    };
  } catch (error) {
    await seen.audit?.catch(() => undefined);
    if (error instanceof PackageFault) return { ok: false, file: error.file, code: error.code, message: error.message };
    throw error;
  }
}
