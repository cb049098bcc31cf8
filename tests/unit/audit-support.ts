// Builds audit chains in memory for the pure (no database) audit tests.
import { randomBytes } from 'node:crypto';
import { GENESIS_HASH, hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { LocalKeyProvider } from '@/lib/audit/local-key-provider';
import { createAuditBundle, type TBundleInput, type TBundleResult } from '@/lib/audit/write-audit-bundle';

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

export async function bundleBytes(
  records: TAuditRecord[],
  provider: TAuditKeyProvider,
  description: Partial<TBundleInput['description']> = {},
): Promise<{ bytes: Buffer; result: TBundleResult }> {
  const bundle = createAuditBundle({
    description: {
      kind: 'export',
      id: 'test-export',
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: { id: 'u1', email: 'auditor@example.test', role: 'AUDITOR' },
      scope: {},
      filtered: false,
      sequenceRange: records.length ? { first: records[0]!.sequence, last: records.at(-1)!.sequence } : null,
      previousSegment: null,
      ...description,
    },
    batches: inBatches(records, 3),
    provider,
    chainHead: records.length ? { sequence: records.at(-1)!.sequence, entryHash: records.at(-1)!.entryHash } : null,
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
