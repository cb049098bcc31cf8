// Builds one evidence package as a tar stream handed to `write` (which stores it): per recording its audio
// exactly as archived (bytes from the stored S3 version, checked against the ingest SHA-256), its canonical
// metadata and its raw vendor payloads (masked for the requester's role, vendor media URLs redacted), then
// the audit bundle of every entry about those recordings with inclusion proofs against a freshly signed
// checkpoint, and last the manifest of every file's SHA-256, signed with the audit signer.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import type { TSigningProvider } from '@/lib/audit/signing-provider';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import {
  AUDIT_BUNDLE_PATH,
  EVIDENCE_FORMAT,
  EVIDENCE_FORMAT_VERSION,
  evidenceManifestDigest,
  MANIFEST_PATH,
  type TEvidenceManifest,
  type TPackageRecording,
} from '@/lib/evidence/package-format';
import { TarWriter } from '@/lib/evidence/tar-writer';
import { getRecording } from '@/lib/recordings/get-recording';

export type TPackageRequest = {
  id: string;
  createdBy: { id: string; email: string; role: TRole };
  subject: TEvidenceManifest['subject'];
  recordingIds: string[];
  masked: boolean;
};

export type TBuiltPackage = { manifest: TEvidenceManifest; manifestHash: string; bytes: number; sha256: string };

const NOTES = {
  masked:
    'Customer identifiers in metadata and vendor payloads are masked: the package was built for a role that sees them masked. Audio is unaltered.',
  clear: 'Customer identifiers appear in clear: the package was built for a role that may see them.',
  payloads:
    'Vendor payloads are shown as the console shows them (media URLs redacted): their sha256 field is that of the payload as received, not of this file.',
  audit:
    'Audit entries are verbatim (they must hash). Free text in them (reasons, notes, matter names, search filters) had customer identifiers masked when they were written, with a salted commitment to the original beside each masked field (e.g. reasonCommitment = SHA-256(salt ‖ original); the original and salt are kept outside the trail and shown only to roles that see identifiers); entries written before CallVault did so may still carry such text in clear.',
};

const line = (value: unknown) => Buffer.from(`${canonicalJson(value)}\n`, 'utf8');

async function addAudio(
  tar: TarWriter,
  s3: S3Client,
  dir: string,
  r: {
    storageBucket: string | null;
    storageKey: string | null;
    storageVersionId: string | null;
    checksumSha256: string | null;
    mediaFormat: string | null;
  },
): Promise<string | null> {
  if (!r.storageBucket || !r.storageKey || !r.storageVersionId) return null;
  const object = await s3.send(new GetObjectCommand({ Bucket: r.storageBucket, Key: r.storageKey, VersionId: r.storageVersionId }));
  const ext = (r.mediaFormat ?? 'bin').replace(/[^a-z0-9]/gi, '').toLowerCase() || 'bin';
  const file = await tar.addStream(`${dir}/audio.${ext}`, Number(object.ContentLength), object.Body as Readable);
  // Never hand out media that differs from what was archived.
  if (r.checksumSha256 && file.sha256 !== r.checksumSha256)
    throw new Error(`${file.path}: stored bytes hash to ${file.sha256}, archived as ${r.checksumSha256}`);
  return file.path;
}

async function addRecording(tar: TarWriter, s3: S3Client, req: TPackageRequest, id: string): Promise<TPackageRecording> {
  const row = await db().recording.findUniqueOrThrow({
    where: { id },
    select: { archiveId: true, storageBucket: true, storageKey: true, storageVersionId: true, checksumSha256: true, mediaFormat: true },
  });
  const dir = `recordings/${row.archiveId.replace(/[^\w.-]/g, '_')}`;
  const audio = await addAudio(tar, s3, dir, row);
  const { allowed: _allowed, rawPayloads, ...metadata } = await getRecording(id, req.createdBy.role);
  const meta = await tar.addBuffer(`${dir}/metadata.json`, line(metadata));
  const vendorPayloads: string[] = [];
  for (const [i, p] of rawPayloads.entries()) {
    const name = `${String(i + 1).padStart(3, '0')}-${p.kind.replace(/[^\w.-]/g, '_')}.json`;
    vendorPayloads.push((await tar.addBuffer(`${dir}/vendor-payloads/${name}`, line(p))).path);
  }
  return { id, archiveId: row.archiveId, checksumSha256: row.checksumSha256, audio, metadata: meta.path, vendorPayloads };
}

/** The audit bundle goes through a temporary file: a tar entry needs its size before its bytes. */
async function addAuditBundle(tar: TarWriter, req: TPackageRequest, s3: S3Client, signer: TSigningProvider | undefined): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'callvault-evidence-'));
  try {
    const file = path.join(dir, 'bundle.jsonl');
    const scope = { recordingIds: req.recordingIds };
    await exportAuditBundle({
      exportId: req.id,
      scope,
      resolved: await resolveAuditScope(scope),
      createdBy: { id: req.createdBy.id, email: req.createdBy.email, role: req.createdBy.role, evidencePackage: req.id },
      s3,
      signer,
      write: (body) => pipeline(body, createWriteStream(file)),
    });
    await tar.addStream(AUDIT_BUNDLE_PATH, (await stat(file)).size, createReadStream(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function buildEvidencePackage(
  req: TPackageRequest,
  deps: { s3: S3Client; signer: TSigningProvider; write: (body: Readable) => Promise<void>; onProgress?: (done: number) => Promise<void> },
): Promise<TBuiltPackage> {
  const tar = new TarWriter();
  const stored = deps.write(tar.output);
  try {
    const recordings: TPackageRecording[] = [];
    for (const id of req.recordingIds) {
      recordings.push(await addRecording(tar, deps.s3, req, id));
      await deps.onProgress?.(recordings.length);
    }
    await addAuditBundle(tar, req, deps.s3, deps.signer);
    const createdAt = new Date();
    const manifest: TEvidenceManifest = {
      format: EVIDENCE_FORMAT,
      formatVersion: EVIDENCE_FORMAT_VERSION,
      id: req.id,
      createdAt: createdAt.toISOString(),
      createdBy: { email: req.createdBy.email, role: req.createdBy.role },
      subject: req.subject,
      identifiers: req.masked ? 'masked' : 'clear',
      notes: [req.masked ? NOTES.masked : NOTES.clear, NOTES.payloads, NOTES.audit],
      recordings,
      auditBundle: AUDIT_BUNDLE_PATH,
      files: [...tar.files],
      publicKeys: await deps.signer.publishedKeys(),
    };
    const manifestHash = evidenceManifestDigest(manifest);
    const { keyId, signature } = await deps.signer.sign('evidence', manifestHash, createdAt);
    await tar.addBuffer(MANIFEST_PATH, line({ manifest, manifestHash, keyId, signature }), false);
    const [whole] = await Promise.all([tar.finish(), stored]);
    return { manifest, manifestHash, ...whole };
  } catch (error) {
    tar.abort(error as Error);
    await stored.catch(() => undefined);
    throw error;
  }
}
