// The audit bundle: ONE JSON Lines file an auditor can verify offline (docs/audit-bundle-format.md).
//   line 1       header    {"type":"header", ...what was exported, by whom, from which part of the chain}
//   lines 2..n   entries   {"type":"entry", ...every stored field, hashes and signatures included}
//   last line    manifest  {"type":"manifest","manifest":{...counts, hashes, sha256 of every byte above},
//                           "manifestHash", "keyId", "signature"}
// Every line is canonical JSON (RFC 8785 style) followed by "\n", so a verifier can insist that each
// line re-serializes to exactly its own bytes. Sealed segments in the immutable tier use the same format.
import { canonicalJson } from '@/lib/audit/canonical-json';
import { sha256Hex, type TAuditRecord } from '@/lib/audit/hash-audit-entry';

export const BUNDLE_FORMAT = 'callvault-audit-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_ALGORITHMS = { canonicalization: 'RFC8785-JCS', entryHash: 'SHA-256', signature: 'HMAC-SHA256' } as const;

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
  /** True when entries were selected by subject within sequenceRange: sequence gaps are then expected. */
  filtered: boolean;
  /** The part of the chain the entries were drawn from; null when it held no entries. */
  sequenceRange: TSequenceRange | null;
  /** Segments only: the segment this one continues (null for the first segment and for exports). */
  previousSegment: TSegmentLink | null;
  algorithms: typeof BUNDLE_ALGORITHMS;
};

export type TBundleHeader = { type: 'header' } & TBundleDescription;
export type TBundleEntryLine = { type: 'entry' } & TAuditRecord;

export type TBundleManifest = TBundleDescription & {
  entryCount: number;
  firstSequence: string | null;
  lastSequence: string | null;
  firstHash: string | null;
  lastHash: string | null;
  /** Places where consecutive entries skip sequences (0 for contiguous bundles). */
  gapCount: number;
  keyIds: string[];
  /** The newest entry of the whole chain when the bundle was made (anchors a subset in the chain). */
  chainHead: { sequence: string; entryHash: string } | null;
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
  'sequenceRange',
  'previousSegment',
  'algorithms',
] as const satisfies readonly (keyof TBundleDescription)[];

export function bundleLine(value: TBundleHeader | TBundleEntryLine | TManifestLine): Buffer {
  return Buffer.from(`${canonicalJson(value)}\n`, 'utf8');
}

/** manifestHash = SHA-256 of the canonical manifest object; the signature is the HMAC of this hex string. */
export function manifestDigest(manifest: TBundleManifest): string {
  return sha256Hex(canonicalJson(manifest));
}
