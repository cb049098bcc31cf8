// Produces an audit bundle (bundle-format.ts) as a stream of byte chunks (whole lines), in constant memory:
// entries arrive in batches (cursor pages), are written as they come, and only running counters, two
// SHA-256 states and the range's compact Merkle range are kept. Entries outside a filter become leaf
// lines. Before the manifest is signed, the range's leaves plus the proof must rebuild the anchor
// checkpoint's root: a bundle that would not verify is never handed out.
import { createHash, type Hash } from 'node:crypto';
import {
  BUNDLE_ALGORITHMS,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleLine,
  manifestDigest,
  type TBundleDescription,
  type TBundleManifest,
  type TBundleProof,
} from '@/lib/audit/bundle-format';
import type { AuditChainChecker } from '@/lib/audit/check-audit-chain';
import type { TSignedCheckpoint } from '@/lib/audit/checkpoint-format';
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { auditLeafHash, entryTags, filterTags, matchesFilter } from '@/lib/audit/merkle-leaf';
import { CompactRange, rootFromRanges } from '@/lib/audit/merkle';
import type { TSigningProvider } from '@/lib/audit/signing-provider';

export type TBundleAnchor = { checkpoint: TSignedCheckpoint; previous: TSignedCheckpoint | null; proof: TBundleProof };

export type TBundleInput = {
  description: Omit<TBundleDescription, 'format' | 'formatVersion' | 'algorithms'>;
  /** Every entry of description.sequenceRange, in ascending sequence order, in batches. */
  batches: AsyncIterable<TAuditRecord[]>;
  signer: TSigningProvider;
  chainHead: TBundleManifest['chainHead'];
  /** The checkpoint the range is proven against (exports); null for segments. */
  anchor: TBundleAnchor | null;
  /** When given, every entry is verified (hash, HMAC, link) before it is written and a fault aborts the bundle. */
  checker?: AuditChainChecker;
  onBatch?: (entriesSoFar: number) => Promise<void> | void;
};

export type TBundleResult = {
  manifest: TBundleManifest;
  manifestHash: string;
  keyId: string;
  signature: string;
  /** Size and SHA-256 of the whole file, manifest line included. */
  bytes: number;
  sha256: string;
};

type TTally = {
  entries: number;
  leaves: number;
  first: TAuditRecord | null;
  last: TAuditRecord | null;
  keyIds: Set<string>;
  next: bigint | null;
};

function tally(t: TTally, record: TAuditRecord, asEntry: boolean): void {
  if (t.next !== null && BigInt(record.sequence) !== t.next) throw new Error(`audit bundle: sequence ${t.next} is missing from the range`);
  t.next = BigInt(record.sequence) + 1n;
  t.first ??= record;
  t.last = record;
  if (asEntry) {
    t.entries++;
    t.keyIds.add(record.keyId);
  } else t.leaves++;
}

function checkAnchor(input: TBundleInput, range: CompactRange, t: TTally): void {
  const anchor = input.anchor;
  const wanted = input.description.sequenceRange;
  if (wanted && (t.first?.sequence !== wanted.first || t.last?.sequence !== wanted.last)) {
    throw new Error(
      `audit bundle: expected sequences ${wanted.first}..${wanted.last}, got ${t.first?.sequence ?? '-'}..${t.last?.sequence ?? '-'}`,
    );
  }
  if (!anchor?.proof.inclusion) return;
  const root = rootFromRanges(anchor.proof.inclusion.left, range.nodes(), anchor.proof.inclusion.right);
  if (root !== anchor.checkpoint.checkpoint.rootHash)
    throw new Error(`audit bundle: range does not rebuild checkpoint ${anchor.checkpoint.checkpoint.id}'s root`);
}

export function createAuditBundle(input: TBundleInput): { lines: AsyncGenerator<Buffer>; result: () => TBundleResult } {
  let done: TBundleResult | undefined;
  const description: TBundleDescription = {
    ...input.description,
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    algorithms: BUNDLE_ALGORITHMS,
  };
  const wanted = description.filter ? filterTags(description.filter) : null;

  async function* lines(): AsyncGenerator<Buffer> {
    const content: Hash = createHash('sha256');
    const whole: Hash = createHash('sha256');
    let bytes = 0;
    const emit = (line: Buffer, isContent = true) => {
      if (isContent) content.update(line);
      whole.update(line);
      bytes += line.length;
      return line;
    };
    yield emit(bundleLine({ type: 'header', ...description }));
    const t: TTally = { entries: 0, leaves: 0, first: null, last: null, keyIds: new Set(), next: null };
    const range = new CompactRange(description.sequenceRange ? Number(description.sequenceRange.first) - 1 : 0);
    for await (const batch of input.batches) {
      const fault = await input.checker?.checkBatch(batch);
      if (fault) throw new Error(`audit chain fault at sequence ${fault.fault.sequence ?? '?'}: ${fault.fault.message}`);
      const out: Buffer[] = [];
      for (const record of batch) {
        const tags = entryTags(record);
        range.appendLeaf(auditLeafHash(record.entryHash, tags));
        const asEntry = !wanted || matchesFilter(tags, wanted);
        tally(t, record, asEntry);
        out.push(
          bundleLine(
            asEntry ? { type: 'entry', ...record } : { type: 'leaf', sequence: record.sequence, entryHash: record.entryHash, tags },
          ),
        );
      }
      // One chunk per page, not per line: per-chunk stream overhead dominated otherwise.
      if (out.length) yield emit(Buffer.concat(out));
      await input.onBatch?.(t.entries);
    }
    checkAnchor(input, range, t);
    const manifest: TBundleManifest = {
      ...description,
      entryCount: t.entries,
      leafCount: t.leaves,
      firstSequence: t.first?.sequence ?? null,
      lastSequence: t.last?.sequence ?? null,
      firstHash: t.first?.entryHash ?? null,
      lastHash: t.last?.entryHash ?? null,
      keyIds: [...t.keyIds].sort(),
      chainHead: input.chainHead,
      checkpoint: input.anchor?.checkpoint ?? null,
      previousCheckpoint: input.anchor?.previous ?? null,
      proof: input.anchor?.proof ?? { inclusion: null, consistency: null },
      publicKeys: await input.signer.publishedKeys(),
      contentBytes: bytes,
      contentSha256: content.digest('hex'),
    };
    const manifestHash = manifestDigest(manifest);
    const { keyId, signature } = await input.signer.sign('manifest', manifestHash, new Date(description.createdAt));
    yield emit(bundleLine({ type: 'manifest', manifest, manifestHash, keyId, signature }), false);
    done = { manifest, manifestHash, keyId, signature, bytes, sha256: whole.digest('hex') };
  }

  return {
    lines: lines(),
    result: () => {
      if (!done) throw new Error('audit bundle not finished');
      return done;
    },
  };
}
