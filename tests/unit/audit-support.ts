// Builds audit chains in memory for the pure (no database) audit tests.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TSequenceRange } from '@/lib/audit/bundle-format';
import {
  checkpointDigest,
  CHECKPOINT_FORMAT,
  CHECKPOINT_FORMAT_VERSION,
  type TCheckpoint,
  type TSignedCheckpoint,
} from '@/lib/audit/checkpoint-format';
import { GENESIS_HASH, hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { LocalKeyProvider } from '@/lib/audit/local-key-provider';
import { LocalSigningProvider } from '@/lib/audit/local-signing-provider';
import { auditLeafHash, entryTags } from '@/lib/audit/merkle-leaf';
import { CompactRange } from '@/lib/audit/merkle';
import { parseSigningKeys } from '@/lib/audit/signing-keys';
import type { TSigningProvider } from '@/lib/audit/signing-provider';
import { createAuditBundle, type TBundleAnchor, type TBundleInput, type TBundleResult } from '@/lib/audit/write-audit-bundle';

export function localProvider(keyIds: string[], active = keyIds[0]!): { provider: LocalKeyProvider; keys: Map<string, Buffer> } {
  const keys = new Map(keyIds.map((id) => [id, randomBytes(32)] as const));
  return { provider: new LocalKeyProvider(keys, active), keys };
}

/** Appends `count` signed entries after `prev` (or from the genesis), like appendAuditEntry would. */
export async function makeChain(
  provider: TAuditKeyProvider,
  count: number,
  prev: TAuditRecord | null = null,
  details: (i: number) => unknown = (i) => ({ i, note: 'naïve ✓ "quoted"', nested: { z: [1, 2.5, null], a: true } }),
): Promise<TAuditRecord[]> {
  const out: TAuditRecord[] = [];
  let last = prev;
  for (let i = 0; i < count; i++) {
    const sequence = last ? (BigInt(last.sequence) + 1n).toString() : '1';
    const hashed = {
      sequence,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, Number(sequence))).toISOString(),
      actorType: 'worker',
      actorId: `w${i % 3}`,
      action: 'archive.stored',
      subjectType: 'recording',
      subjectId: `genesys-cloud:rec-${i % 4}`,
      details: details(i),
      prevHash: last?.entryHash ?? GENESIS_HASH,
    };
    const entryHash = hashAuditEntry(hashed);
    const keyId = provider.activeKeyId();
    const record: TAuditRecord = { ...hashed, entryHash, keyId, signature: await provider.sign(keyId, entryHash) };
    out.push(record);
    last = record;
  }
  return out;
}

async function* inBatches(records: TAuditRecord[], size: number): AsyncGenerator<TAuditRecord[]> {
  for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
}

/** An Ed25519 signer with fresh keys (`active`, else the newest valid one signs), and its published keys. */
export function localSigner(
  ids: string[] = ['s1'],
  active?: string,
  validity: Partial<Record<string, { validFrom?: string; validUntil?: string }>> = {},
) {
  const keys = parseSigningKeys(
    JSON.stringify(
      ids.map((id) => ({
        id,
        privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        validFrom: validity[id]?.validFrom ?? '2020-01-01T00:00:00Z',
        ...(validity[id]?.validUntil ? { validUntil: validity[id]!.validUntil } : {}),
      })),
    ),
  );
  const signer = new LocalSigningProvider(keys, active);
  return { signer, publicKeys: keys.map((k) => k.published!) };
}

function tree(chain: TAuditRecord[], from: number, to: number): CompactRange {
  const range = new CompactRange(from);
  for (const r of chain.slice(from, to)) range.appendLeaf(auditLeafHash(r.entryHash, entryTags(r)));
  return range;
}

async function signCheckpoint(
  chain: TAuditRecord[],
  size: number,
  signer: TSigningProvider,
  createdAt: string,
): Promise<TSignedCheckpoint> {
  const checkpoint: TCheckpoint = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    id: `cp-${size}`,
    treeSize: String(size),
    rootHash: tree(chain, 0, size).root(),
    lastHash: chain[size - 1]?.entryHash ?? null,
    createdAt,
  };
  return { checkpoint, ...(await signer.sign('checkpoint', checkpointDigest(checkpoint), new Date(createdAt))) };
}

/** A checkpoint over the whole in-memory chain (and optionally an older one), with the proofs for `range`. */
export async function anchorFor(
  chain: TAuditRecord[],
  range: TSequenceRange | null,
  signer: TSigningProvider,
  previousSize?: number,
): Promise<TBundleAnchor> {
  const size = chain.length;
  const checkpoint = await signCheckpoint(chain, size, signer, '2026-01-01T12:00:00.000Z');
  const previous = previousSize === undefined ? null : await signCheckpoint(chain, previousSize, signer, '2026-01-01T06:00:00.000Z');
  const inclusion = range
    ? { left: tree(chain, 0, Number(range.first) - 1).nodes(), right: tree(chain, Number(range.last), size).nodes() }
    : null;
  const consistency =
    previousSize === undefined ? null : { old: tree(chain, 0, previousSize).nodes(), added: tree(chain, previousSize, size).nodes() };
  return { checkpoint, previous, proof: { inclusion, consistency } };
}

export type TBundleOptions = { description?: Partial<TBundleInput['description']>; anchor?: TBundleAnchor | null };

/** Writes a bundle of `records` (every entry of its range; a filter turns the others into leaf lines). */
export async function bundleBytes(
  records: TAuditRecord[],
  signer: TSigningProvider,
  options: TBundleOptions = {},
): Promise<{ bytes: Buffer; result: TBundleResult }> {
  const bundle = createAuditBundle({
    description: {
      kind: 'export',
      id: 'test-export',
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: { id: 'u1', email: 'auditor@example.test', role: 'AUDITOR' },
      scope: {},
      filtered: false,
      filter: null,
      sequenceRange: records.length ? { first: records[0]!.sequence, last: records.at(-1)!.sequence } : null,
      previousSegment: null,
      ...options.description,
    },
    batches: inBatches(records, 3),
    signer,
    chainHead: records.length ? { sequence: records.at(-1)!.sequence, entryHash: records.at(-1)!.entryHash } : null,
    anchor: options.anchor ?? null,
  });
  const parts: Buffer[] = [];
  for await (const line of bundle.lines) parts.push(line);
  return { bytes: Buffer.concat(parts), result: bundle.result() };
}

/** The 1-based line number containing byte offset `pos`. */
export function lineOf(bytes: Buffer, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
