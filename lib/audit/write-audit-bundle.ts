// Produces an audit bundle (bundle-format.ts) as a stream of byte chunks (whole lines), in constant memory: entries
// arrive in batches (cursor pages), are written as they come, and only running counters and two
// SHA-256 states are kept. The manifest, signed with the active key, closes the file.
import { createHash, type Hash } from 'node:crypto';
import {
  BUNDLE_ALGORITHMS,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleLine,
  manifestDigest,
  type TBundleDescription,
  type TBundleManifest,
} from '@/lib/audit/bundle-format';
import type { AuditChainChecker } from '@/lib/audit/check-audit-chain';
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';

export type TBundleInput = {
  description: Omit<TBundleDescription, 'format' | 'formatVersion' | 'algorithms'>;
  /** Entries in ascending sequence order, in batches. */
  batches: AsyncIterable<TAuditRecord[]>;
  provider: TAuditKeyProvider;
  chainHead: TBundleManifest['chainHead'];
  /** When given, every entry is verified before it is written and a fault aborts the bundle. */
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

type TTally = { count: number; gaps: number; first: TAuditRecord | null; last: TAuditRecord | null; keyIds: Set<string> };

function tally(t: TTally, record: TAuditRecord): void {
  if (t.last && BigInt(record.sequence) !== BigInt(t.last.sequence) + 1n) t.gaps++;
  t.first ??= record;
  t.last = record;
  t.count++;
  t.keyIds.add(record.keyId);
}

export function createAuditBundle(input: TBundleInput): { lines: AsyncGenerator<Buffer>; result: () => TBundleResult } {
  let done: TBundleResult | undefined;
  const description: TBundleDescription = {
    ...input.description,
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    algorithms: BUNDLE_ALGORITHMS,
  };

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
    const t: TTally = { count: 0, gaps: 0, first: null, last: null, keyIds: new Set() };
    for await (const batch of input.batches) {
      const fault = await input.checker?.checkBatch(batch);
      if (fault) throw new Error(`audit chain fault at sequence ${fault.fault.sequence ?? '?'}: ${fault.fault.message}`);
      const lines: Buffer[] = [];
      for (const record of batch) {
        tally(t, record);
        lines.push(bundleLine({ type: 'entry', ...record }));
      }
      // One chunk per page, not per line: per-chunk stream overhead dominated otherwise.
      if (lines.length) yield emit(Buffer.concat(lines));
      await input.onBatch?.(t.count);
    }
    const manifest: TBundleManifest = {
      ...description,
      entryCount: t.count,
      firstSequence: t.first?.sequence ?? null,
      lastSequence: t.last?.sequence ?? null,
      firstHash: t.first?.entryHash ?? null,
      lastHash: t.last?.entryHash ?? null,
      gapCount: t.gaps,
      keyIds: [...t.keyIds].sort(),
      chainHead: input.chainHead,
      contentBytes: bytes,
      contentSha256: content.digest('hex'),
    };
    const manifestHash = manifestDigest(manifest);
    const keyId = input.provider.activeKeyId();
    const signature = await input.provider.sign(keyId, manifestHash);
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
