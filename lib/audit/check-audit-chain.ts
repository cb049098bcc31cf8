// Checks audit entries in sequence order, one batch at a time: each entry's hash against its
// content, its HMAC signature, and its link to the entry before it. Shared by the live-table
// verifier, the sealer and the offline bundle verifier (no database, no network unless the key
// provider is KMS). Signatures of a batch are checked concurrently (KMS VerifyMac is a network call);
// faults are still reported in sequence order, so "the first bad entry" is exact.
import {
  GENESIS_HASH,
  hashAuditEntry,
  hashAuditJournalEntry,
  type TAuditJournalRecord,
  type TAuditRecord,
} from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';

export type TChainFaultCode = 'format' | 'hash' | 'unknown_key' | 'signature' | 'link' | 'gap' | 'order' | 'genesis';
export type TChainFault = { code: TChainFaultCode; sequence: string | null; message: string };

export type TChainCheckOptions = {
  /** Subsets of the chain (scoped exports) may skip sequences; the full chain and segments may not. */
  gapsAllowed: boolean;
  /** Where the first checked entry must sit (a segment continues the previous one). */
  expectFirst?: { sequence: string; prevHash?: string };
};

const HEX64 = /^[0-9a-f]{64}$/;
const SEQUENCE = /^[1-9][0-9]*$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const STRING_FIELDS = ['actorType', 'actorId', 'action', 'subjectType', 'subjectId', 'keyId'] as const;

/** Field types and formats; a record from an untrusted file may be anything. */
export function auditRecordFormatFault(record: TAuditRecord): string | null {
  if (typeof record.sequence !== 'string' || !SEQUENCE.test(record.sequence)) return 'sequence is not a positive decimal string';
  if (typeof record.occurredAt !== 'string' || !ISO_MS.test(record.occurredAt) || Number.isNaN(Date.parse(record.occurredAt))) {
    return 'occurredAt is not an ISO 8601 UTC timestamp with milliseconds';
  }
  for (const field of STRING_FIELDS) if (typeof record[field] !== 'string' || record[field] === '') return `${field} is missing or empty`;
  for (const field of ['prevHash', 'entryHash', 'signature'] as const) {
    if (typeof record[field] !== 'string' || !HEX64.test(record[field])) return `${field} is not 64 lower-case hex digits`;
  }
  if (record.details === undefined) return 'details is missing';
  return null;
}

export class AuditChainChecker {
  private prev: { sequence: bigint; entryHash: string } | null = null;
  private checked = 0;

  constructor(
    private readonly provider: TAuditKeyProvider,
    private readonly options: TChainCheckOptions,
  ) {}

  get count(): number {
    return this.checked;
  }

  /** The first fault in the batch (index into records), or null when every record checks out. */
  async checkBatch(records: TAuditRecord[]): Promise<{ index: number; fault: TChainFault } | null> {
    const structural = records.map((record) => this.structuralFault(record));
    const signatures = await Promise.all(records.map((record, i) => (structural[i] ? Promise.resolve(null) : this.signatureFault(record))));
    for (let i = 0; i < records.length; i++) {
      const fault = structural[i] ?? signatures[i];
      if (fault) return { index: i, fault };
    }
    this.checked += records.length;
    return null;
  }

  private structuralFault(record: TAuditRecord): TChainFault | null {
    const format = auditRecordFormatFault(record);
    const sequenceText = typeof record.sequence === 'string' ? record.sequence : null;
    if (format) return { code: 'format', sequence: sequenceText, message: format };
    const fault = (code: TChainFaultCode, message: string): TChainFault => ({ code, sequence: record.sequence, message });
    const recomputed = hashAuditEntry(record);
    if (recomputed !== record.entryHash) return fault('hash', `entryHash does not match the entry's content (recomputed ${recomputed})`);
    const sequence = BigInt(record.sequence);
    const linkFault = this.linkFault(sequence, record);
    if (linkFault) return fault(linkFault.code, linkFault.message);
    this.prev = { sequence, entryHash: record.entryHash };
    return null;
  }

  private linkFault(sequence: bigint, record: TAuditRecord): { code: TChainFaultCode; message: string } | null {
    if (sequence === 1n && record.prevHash !== GENESIS_HASH)
      return { code: 'genesis', message: 'sequence 1 must have the genesis prevHash (64 zeros)' };
    const expected = this.prev ? null : this.options.expectFirst;
    if (expected) {
      if (record.sequence !== expected.sequence)
        return { code: 'gap', message: `expected the first entry to be sequence ${expected.sequence}` };
      if (expected.prevHash !== undefined && record.prevHash !== expected.prevHash)
        return { code: 'link', message: `prevHash does not continue the previous segment (expected ${expected.prevHash})` };
    }
    if (!this.prev) return null;
    if (sequence <= this.prev.sequence)
      return { code: 'order', message: `sequence is not greater than the previous entry's ${this.prev.sequence}` };
    if (sequence === this.prev.sequence + 1n) {
      if (record.prevHash !== this.prev.entryHash)
        return { code: 'link', message: `prevHash does not equal the entryHash of sequence ${this.prev.sequence}` };
      return null;
    }
    if (!this.options.gapsAllowed) {
      return { code: 'gap', message: `sequences ${this.prev.sequence + 1n}..${sequence - 1n} are missing (this chain must be contiguous)` };
    }
    return null;
  }

  private async signatureFault(record: TAuditRecord): Promise<TChainFault | null> {
    if (!this.provider.hasKey(record.keyId)) {
      return {
        code: 'unknown_key',
        sequence: record.sequence,
        message: `signed with key "${record.keyId}", which was not supplied to the verifier`,
      };
    }
    if (await this.provider.verify(record.keyId, record.entryHash, record.signature)) return null;
    return { code: 'signature', sequence: record.sequence, message: `signature does not verify with key "${record.keyId}"` };
  }
}

/**
 * Why a journal row (committed by a writer, not chained yet) cannot be trusted, or null: its content
 * hash and the writer's signature. The sequencer refuses to chain such a row; verifiers report it.
 */
export async function auditJournalFault(record: TAuditJournalRecord, provider: TAuditKeyProvider): Promise<string | null> {
  const recomputed = hashAuditJournalEntry(record);
  if (recomputed !== record.contentHash) return `contentHash does not match the entry's content (recomputed ${recomputed})`;
  if (!provider.hasKey(record.keyId)) return `signed with key "${record.keyId}", which was not supplied to the verifier`;
  if (!(await provider.verify(record.keyId, record.contentHash, record.signature)))
    return `signature does not verify with key "${record.keyId}"`;
  return null;
}
