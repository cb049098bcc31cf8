// The manifest-level checks of the bundle verifier that need public keys only: who signed the manifest
// and the checkpoints (a published key valid at signing time), whether the bundle's range rebuilds the
// anchor checkpoint's Merkle root (inclusion of every sequence of the range), and whether the previous
// checkpoint's tree is a prefix of the anchor's (consistency). node:crypto only (standalone verifier).
import type { TBundleManifest, TManifestLine } from '@/lib/audit/bundle-format';
import { checkpointDigest, CHECKPOINT_FORMAT, CHECKPOINT_FORMAT_VERSION, type TSignedCheckpoint } from '@/lib/audit/checkpoint-format';
import { foldRoot, isCompactRange, rootFromRanges, type TMerkleNode } from '@/lib/audit/merkle';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { keyValidAt, signedMessage, verifySignature, type TSignaturePurpose } from '@/lib/audit/verify-signature';

export type TSignatureReport = {
  signed: 'manifest' | 'checkpoint' | 'previousCheckpoint';
  keyId: string;
  algorithm: string;
  fingerprint: string;
  signedAt: string;
};
export type TCheckpointReport = { id: string; treeSize: string; rootHash: string; createdAt: string };

/** A failed check: `code` names the property that does not hold. */
export class AnchorFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const isNodeList = (v: unknown): v is TMerkleNode[] =>
  Array.isArray(v) &&
  v.every(
    (n) =>
      typeof n === 'object' &&
      n !== null &&
      Number.isSafeInteger(n.start) &&
      Number.isSafeInteger(n.size) &&
      typeof n.hash === 'string' &&
      HEX64.test(n.hash),
  );

export function checkSignature(
  keys: TPublishedKey[],
  signed: TSignatureReport['signed'],
  purpose: TSignaturePurpose,
  digest: string,
  keyId: string,
  signature: string,
  at: string,
): TSignatureReport {
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) throw new AnchorFault('unknown_key', `${signed} is signed with key "${keyId}", which is not among the public keys supplied`);
  if (!keyValidAt(key, at))
    throw new AnchorFault(
      'key_validity',
      `${signed} claims to be signed at ${at}, outside key "${keyId}"'s validity (${key.validFrom} .. ${key.validUntil ?? 'now'})`,
    );
  if (!verifySignature(key, signedMessage(purpose, digest), signature))
    throw new AnchorFault('signature', `${signed} signature does not verify with public key "${keyId}" (${key.fingerprint})`);
  return { signed, keyId, algorithm: key.algorithm, fingerprint: key.fingerprint, signedAt: at };
}

function checkCheckpoint(keys: TPublishedKey[], signed: TSignedCheckpoint, which: 'checkpoint' | 'previousCheckpoint'): TSignatureReport {
  const c = signed?.checkpoint;
  const shapeOk =
    c &&
    c.format === CHECKPOINT_FORMAT &&
    c.formatVersion === CHECKPOINT_FORMAT_VERSION &&
    typeof c.id === 'string' &&
    /^(0|[1-9][0-9]*)$/.test(c.treeSize) &&
    HEX64.test(c.rootHash) &&
    (c.lastHash === null || HEX64.test(c.lastHash)) &&
    typeof c.createdAt === 'string' &&
    !Number.isNaN(Date.parse(c.createdAt)) &&
    Object.keys(c).length === 7;
  if (!shapeOk) throw new AnchorFault('format', `${which} is malformed`);
  return checkSignature(keys, which, 'checkpoint', checkpointDigest(c), signed.keyId, signed.signature, c.createdAt);
}

const report = (s: TSignedCheckpoint): TCheckpointReport => ({
  id: s.checkpoint.id,
  treeSize: s.checkpoint.treeSize,
  rootHash: s.checkpoint.rootHash,
  createdAt: s.checkpoint.createdAt,
});

export type TAnchorInput = { manifest: TBundleManifest; line: TManifestLine; range: TMerkleNode[]; lastHash: string | null };
export type TAnchorReport = {
  signatures: TSignatureReport[];
  inclusion: TCheckpointReport | null;
  consistency: { from: TCheckpointReport; to: TCheckpointReport } | null;
};

function checkInclusion(m: TBundleManifest, input: TAnchorInput): void {
  const checkpoint = m.checkpoint!.checkpoint;
  const size = Number(checkpoint.treeSize);
  const first = Number(m.sequenceRange!.first);
  const last = Number(m.sequenceRange!.last);
  const inclusion = m.proof?.inclusion;
  if (!inclusion || !isNodeList(inclusion.left) || !isNodeList(inclusion.right))
    throw new AnchorFault('inclusion', 'the manifest carries no inclusion proof for its range');
  if (last > size) throw new AnchorFault('inclusion', `range ends at ${last}, beyond checkpoint ${checkpoint.id} (tree size ${size})`);
  if (!isCompactRange(inclusion.left, 0, first - 1) || !isCompactRange(inclusion.right, last, size))
    throw new AnchorFault('inclusion', 'inclusion proof nodes do not cover the tree around the range');
  if (rootFromRanges(inclusion.left, input.range, inclusion.right) !== checkpoint.rootHash) {
    throw new AnchorFault(
      'inclusion',
      `the range's entries do not rebuild the root of checkpoint ${checkpoint.id}: an entry was altered, added or left out`,
    );
  }
  if (last === size && input.lastHash !== checkpoint.lastHash)
    throw new AnchorFault('inclusion', `the last entry is not checkpoint ${checkpoint.id}'s chain head`);
}

function checkConsistency(m: TBundleManifest): void {
  const from = m.previousCheckpoint!.checkpoint;
  const to = m.checkpoint!.checkpoint;
  const c = m.proof?.consistency;
  const [oldSize, newSize] = [Number(from.treeSize), Number(to.treeSize)];
  if (!c || !isNodeList(c.old) || !isNodeList(c.added))
    throw new AnchorFault('consistency', 'the manifest carries no consistency proof between its checkpoints');
  if (oldSize > newSize || Date.parse(from.createdAt) > Date.parse(to.createdAt))
    throw new AnchorFault('consistency', 'the previous checkpoint is not older than the anchor checkpoint');
  if (!isCompactRange(c.old, 0, oldSize) || !isCompactRange(c.added, oldSize, newSize))
    throw new AnchorFault('consistency', 'consistency proof nodes do not cover the two trees');
  if (foldRoot(c.old) !== from.rootHash)
    throw new AnchorFault('consistency', `consistency proof does not rebuild checkpoint ${from.id}'s root`);
  if (rootFromRanges(c.old, c.added) !== to.rootHash)
    throw new AnchorFault('consistency', `checkpoint ${to.id} does not extend checkpoint ${from.id}: the log was rewritten`);
}

/** Throws AnchorFault at the first property that does not hold. */
export function verifyBundleAnchor(keys: TPublishedKey[], input: TAnchorInput): TAnchorReport {
  const { manifest: m, line } = input;
  const signatures = [checkSignature(keys, 'manifest', 'manifest', line.manifestHash, line.keyId, line.signature, m.createdAt)];
  if (!m.checkpoint) {
    if (m.kind === 'export' && m.sequenceRange)
      throw new AnchorFault('inclusion', 'the export names no checkpoint: membership of its entries is unproven');
    return { signatures, inclusion: null, consistency: null };
  }
  signatures.push(checkCheckpoint(keys, m.checkpoint, 'checkpoint'));
  if (Date.parse(m.checkpoint.checkpoint.createdAt) > Date.parse(m.createdAt))
    throw new AnchorFault('inclusion', 'the checkpoint was made after the bundle');
  if (m.sequenceRange) checkInclusion(m, input);
  let consistency: TAnchorReport['consistency'] = null;
  if (m.previousCheckpoint) {
    signatures.push(checkCheckpoint(keys, m.previousCheckpoint, 'previousCheckpoint'));
    checkConsistency(m);
    consistency = { from: report(m.previousCheckpoint), to: report(m.checkpoint) };
  }
  return { signatures, inclusion: m.sequenceRange ? report(m.checkpoint) : null, consistency };
}
