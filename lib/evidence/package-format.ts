// The evidence package format (docs/evidence-package-format.md): a POSIX tar whose files are the evidence and
// whose LAST file, manifest.json, lists every other file with its size and SHA-256 and is signed with the
// audit signer (purpose "evidence"). This module is part of the standalone verifier: node:crypto only.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import type { TPublishedKey } from '@/lib/audit/signing-keys';

export const EVIDENCE_FORMAT = 'callvault-evidence-package';
export const EVIDENCE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const AUDIT_BUNDLE_PATH = 'audit/audit-entries.cvaudit.jsonl';

export type TPackageFile = { path: string; bytes: number; sha256: string };

export type TPackageRecording = {
  id: string;
  archiveId: string;
  /** The archived media's SHA-256 as recorded at ingest; the audio file must hash to it. */
  checksumSha256: string | null;
  audio: string | null;
  metadata: string;
  vendorPayloads: string[];
};

export type TEvidenceManifest = {
  format: typeof EVIDENCE_FORMAT;
  formatVersion: typeof EVIDENCE_FORMAT_VERSION;
  id: string;
  createdAt: string;
  createdBy: { email: string; role: string };
  subject: { kind: 'matter'; matter: { id: string; reference: string; name: string } } | { kind: 'recordings' };
  /** "masked": customer identifiers in metadata and vendor payloads are masked (the requester's role sees them masked). */
  identifiers: 'masked' | 'clear';
  notes: string[];
  recordings: TPackageRecording[];
  /** The audit bundle (docs/audit-bundle-format.md) of every entry about these recordings, proven against a signed checkpoint. */
  auditBundle: string;
  files: TPackageFile[];
  publicKeys: TPublishedKey[];
};

export type TManifestFile = { manifest: TEvidenceManifest; manifestHash: string; keyId: string; signature: string };

export function evidenceManifestDigest(manifest: TEvidenceManifest): string {
  return createHash('sha256').update(canonicalJson(manifest)).digest('hex');
}
