// The audit bundle: ONE JSON Lines file an auditor verifies offline with public keys only
// (docs/audit-bundle-format.md).
//   line 1       header    {"type":"header", ...what was exported, by whom, from which part of the chain}
//   lines 2..n   entries   {"type":"entry", ...every stored field} — one line per sequence of the range;
//                          in a filtered export, entries outside the filter are "leaf" lines instead
//                          ({"type":"leaf","sequence","entryHash","tags"}), so the range stays complete
//   last line    manifest  {"type":"manifest","manifest":{...counts, sha256 of every byte above, the signed
//                           checkpoint(s), Merkle proofs, public keys}, "manifestHash", "keyId", "signature"}
// Every line is canonical JSON (RFC 8785 style) followed by "\n", so a verifier can insist that each
// line re-serializes to exactly its own bytes. Sealed segments in the immutable tier use the same format.
import { canonicalJson } from '@/lib/audit/canonical-json';
import type { TSignedCheckpoint } from '@/lib/audit/checkpoint-format';
import { sha256Hex, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditFilter } from '@/lib/audit/merkle-leaf';
import type { TMerkleNode } from '@/lib/audit/merkle';
import type { TPublishedKey } from '@/lib/audit/signing-keys';

export const BUNDLE_FORMAT = 'callvault-audit-bundle';
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_ALGORITHMS = {
  canonicalization: 'RFC8785-JCS',
  entryHash: 'SHA-256',
  merkleTree: 'RFC9162-SHA-256',
  signature: 'Ed25519 or ECDSA-P256-SHA256 (per published key)',
  entrySignature: 'HMAC-SHA256 (internal tamper evidence, not verifiable outside)',
} as const;

export type TBundleKind = 'export' | 'segment';
export type TSequenceRange = { first: string; last: string };
export type TSegmentLink = { id: string; lastSequence: string; lastHash: string };

/** Fields shared by the header and the manifest; the verifier requires them to be identical. */
export type TBundleDescription = {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  kind: TBundleKind;
  id: string;
  createdAt: string;
  createdBy: Record<string, string>;
  /** The scope as requested (exports) or the sealed range (segments). */
  scope: Record<string, unknown>;
  /** True when entries were selected by `filter` within sequenceRange (the others are leaf lines). */
  filtered: boolean;
  /** The subjects the scope resolved to; null when unfiltered. */
  filter: TAuditFilter | null;
  /** The part of the chain the bundle covers, every sequence of it present; null when it is empty. */
  sequenceRange: TSequenceRange | null;
  /** Segments only: the segment this one continues (null for the first segment and for exports). */
  previousSegment: TSegmentLink | null;
  algorithms: typeof BUNDLE_ALGORITHMS;
};

export type TBundleHeader = { type: 'header' } & TBundleDescription;
export type TBundleEntryLine = { type: 'entry' } & TAuditRecord;
export type TBundleLeafLine = { type: 'leaf'; sequence: string; entryHash: string; tags: string[] };

/** Merkle proofs against the manifest's checkpoint (node positions are 0-based leaf indexes: sequence - 1). */
export type TBundleProof = {
  /** Compact ranges of [0, first - 1) and [last, treeSize): with the range's own leaves they rebuild the root. */
  inclusion: { left: TMerkleNode[]; right: TMerkleNode[] } | null;
  /** Compact ranges of [0, previous treeSize) and [previous treeSize, treeSize). */
  consistency: { old: TMerkleNode[]; added: TMerkleNode[] } | null;
};

export type TBundleManifest = TBundleDescription & {
  entryCount: number;
  leafCount: number;
  firstSequence: string | null;
  lastSequence: string | null;
  firstHash: string | null;
  lastHash: string | null;
  /** Key ids of the entries' internal HMAC signatures. */
  keyIds: string[];
  /** The newest entry of the whole chain when the bundle was made. */
  chainHead: { sequence: string; entryHash: string } | null;
  /** The checkpoint the range is proven against, published before this bundle was made. */
  checkpoint: TSignedCheckpoint | null;
  /** The checkpoint before it, with a consistency proof: the log only grew in between. */
  previousCheckpoint: TSignedCheckpoint | null;
  proof: TBundleProof;
  /** The deployment's published public keys when the bundle was made (compare fingerprints out of band). */
  publicKeys: TPublishedKey[];
  /** Bytes and SHA-256 of every line before the manifest line, newlines included. */
  contentBytes: number;
  contentSha256: string;
};

export type TManifestLine = { type: 'manifest'; manifest: TBundleManifest; manifestHash: string; keyId: string; signature: string };

export const DESCRIPTION_FIELDS = [
  'format',
  'formatVersion',
  'kind',
  'id',
  'createdAt',
  'createdBy',
  'scope',
  'filtered',
  'filter',
  'sequenceRange',
  'previousSegment',
  'algorithms',
] as const satisfies readonly (keyof TBundleDescription)[];

export function bundleLine(value: TBundleHeader | TBundleEntryLine | TBundleLeafLine | TManifestLine): Buffer {
  return Buffer.from(`${canonicalJson(value)}\n`, 'utf8');
}

/** manifestHash = SHA-256 of the canonical manifest object; the signature covers it (verify-signature.ts). */
export function manifestDigest(manifest: TBundleManifest): string {
  return sha256Hex(canonicalJson(manifest));
}
