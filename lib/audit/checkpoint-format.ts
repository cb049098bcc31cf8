// A checkpoint: the audit chain's Merkle tree at one size, signed with an asymmetric key and written
// Object-Locked to the audit bucket. It commits CallVault to every entry up to treeSize: any later
// bundle proves its entries against it, and any later checkpoint proves it only appended to it.
import { canonicalJson } from '@/lib/audit/canonical-json';
import { sha256Hex } from '@/lib/audit/hash-audit-entry';

export const CHECKPOINT_FORMAT = 'callvault-audit-checkpoint';
export const CHECKPOINT_FORMAT_VERSION = 1;

export type TCheckpoint = {
  format: typeof CHECKPOINT_FORMAT;
  formatVersion: typeof CHECKPOINT_FORMAT_VERSION;
  id: string;
  /** Number of entries (= the highest sequence) covered, decimal string. */
  treeSize: string;
  /** RFC 9162 root over the leaves of sequences 1..treeSize (merkle-leaf.ts), lower-case hex. */
  rootHash: string;
  /** entryHash of sequence treeSize (null for an empty tree): the chain head the tree ends at. */
  lastHash: string | null;
  createdAt: string;
};

export type TSignedCheckpoint = { checkpoint: TCheckpoint; keyId: string; signature: string };

/** What is signed: SHA-256 of the checkpoint's canonical JSON. */
export function checkpointDigest(checkpoint: TCheckpoint): string {
  return sha256Hex(canonicalJson(checkpoint));
}
