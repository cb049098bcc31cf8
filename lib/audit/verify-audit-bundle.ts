// Verifies an audit bundle (bundle-format.ts) from a byte stream, offline, with public keys only: every
// line canonical; every entry's hash and its link to the line before; every sequence of the range
// present (as an entry, or in a filtered export as a leaf line outside the filter); the manifest's
// counts and the SHA-256 of the bytes above it; its signature and the checkpoints' under published keys;
// and the Merkle proofs that put the range in a named checkpoint. Stops at the first fault and names
// its line and sequence. Memory stays constant (counters and a compact Merkle range).
// Per-entry HMAC signatures are checked only when an HMAC provider is passed (internal verification).
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  DESCRIPTION_FIELDS,
  manifestDigest,
  type TBundleManifest,
  type TBundleHeader,
  type TManifestLine,
} from '@/lib/audit/bundle-format';
import { auditRecordFormatFault } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH, hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { auditLeafHash, entryTags, filterTags, matchesFilter } from '@/lib/audit/merkle-leaf';
import { CompactRange } from '@/lib/audit/merkle';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { AnchorFault, verifyBundleAnchor, type TAnchorReport } from '@/lib/audit/verify-bundle-anchor';
import { readLines, LineTooLongError } from '@/lib/audit/read-lines';

export type TBundlePart = 'header' | 'entry' | 'manifest' | 'file';

export type TBundleFault = { line: number; part: TBundlePart; sequence: string | null; code: string; message: string };

/** What a valid bundle's manifest says, plus what the verifier established. */
export type TBundleSummary = Pick<
  TBundleManifest,
  | 'kind'
  | 'id'
  | 'entryCount'
  | 'leafCount'
  | 'firstSequence'
  | 'lastSequence'
  | 'firstHash'
  | 'lastHash'
  | 'keyIds'
  | 'filtered'
  | 'sequenceRange'
  | 'contentSha256'
> &
  TAnchorReport & {
    manifestHash: string;
    manifestKeyId: string;
    manifestSignature: string;
    /** Bytes counted while reading (the manifest's own claim is checked against it). */
    contentBytes: number;
    lines: number;
    /** Entries whose prevHash was checked against the line before them. */
    chainLinks: number;
    /** Whether per-entry HMAC signatures were checked (only with the internal key). */
    entrySignaturesChecked: boolean;
  };

export type TBundleVerification = ({ ok: true } & TBundleSummary) | ({ ok: false; entriesVerified: number } & TBundleFault);

export type TVerifyBundleOptions = {
  /** The published public keys the auditor trusts (never the ones inside the bundle). */
  publicKeys: TPublishedKey[];
  /** Internal use: also verify every entry's HMAC signature. */
  hmac?: TAuditKeyProvider;
  /** Extra per-entry check run after the entry verified (verify-chain compares with the table). */
  onEntry?: (record: TAuditRecord, line: number) => Promise<string | null>;
  batchSize?: number;
};

const ENTRY_FIELDS = [
  'type',
  'sequence',
  'occurredAt',
  'actorType',
  'actorId',
  'action',
  'subjectType',
  'subjectId',
  'details',
  'prevHash',
  'entryHash',
  'signature',
  'keyId',
];
const LEAF_FIELDS = ['type', 'sequence', 'entryHash', 'tags'];
const HEADER_FIELDS: string[] = ['type', ...DESCRIPTION_FIELDS];
const MANIFEST_LINE_FIELDS = ['type', 'manifest', 'manifestHash', 'keyId', 'signature'];
const HEX64 = /^[0-9a-f]{64}$/;
const SEQUENCE = /^[1-9][0-9]*$/;

class Fault extends Error {
  constructor(readonly fault: TBundleFault) {
    super(fault.message);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameKeys = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).length === keys.length && keys.every((k) => k in v);

/** Parses one line strictly: valid UTF-8, valid JSON, an object, and byte-for-byte canonical. */
function parseLine(bytes: Buffer): { value?: Record<string, unknown>; problem?: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { problem: 'line is not valid UTF-8' };
  }
  if (text === '') return { problem: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `line is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(value)) return { problem: 'line is not a JSON object' };
  if (canonicalJson(value) !== text) return { problem: 'line is not in canonical form (was it edited or re-serialized?)' };
  return { value };
}

/** Best-effort sequence of a line that failed to parse, to point the auditor at it. */
function sequenceHint(bytes: Buffer): string | null {
  return /"sequence":"(\d+)"/.exec(bytes.toString('latin1'))?.[1] ?? null;
}

type TLineRef = { sequence: string; entryHash: string; line: number; record: TAuditRecord | null };

class BundleVerifier {
  private header: TBundleHeader | null = null;
  private wanted: Set<string> | null = null;
  private range: CompactRange | null = null;
  private pending: { record: TAuditRecord; line: number }[] = [];
  private readonly content = createHash('sha256');
  private contentBytes = 0;
  private lineNo = 0;
  private manifestSeen = false;
  private summary: TBundleSummary | null = null;
  private first: TLineRef | null = null;
  private last: TLineRef | null = null;
  private counts = { entries: 0, leaves: 0, links: 0, verified: 0 };
  private readonly keyIds = new Set<string>();

  constructor(private readonly options: TVerifyBundleOptions) {}

  get entriesVerified(): number {
    return this.counts.verified;
  }

  private fail(part: TBundlePart, code: string, message: string, sequence: string | null = null, line = this.lineNo): never {
    throw new Fault({ line, part, sequence, code, message });
  }

  async line(bytes: Buffer, terminated: boolean): Promise<void> {
    this.lineNo++;
    if (this.manifestSeen) this.fail('file', 'trailing_data', 'data after the manifest line');
    const parsed = parseLine(bytes);
    const part: TBundlePart = this.lineNo === 1 ? 'header' : parsed.value?.type === 'manifest' ? 'manifest' : 'entry';
    if (!parsed.value) {
      await this.flush();
      this.fail(part, 'syntax', parsed.problem!, part === 'entry' ? sequenceHint(bytes) : null);
    }
    if (part === 'header') this.acceptHeader(parsed.value);
    else if (part === 'manifest') await this.acceptManifest(parsed.value, terminated);
    else await this.acceptLine(parsed.value);
    if (part !== 'manifest') {
      this.content.update(bytes).update('\n');
      this.contentBytes += bytes.length + 1;
      if (!terminated) {
        await this.flush(); // an earlier bad entry is the better answer than "truncated"
        this.fail(part, 'truncated', 'the file ends in the middle of a line (no manifest line)');
      }
    }
  }

  private acceptHeader(value: Record<string, unknown>): void {
    if (value.type !== 'header') this.fail('header', 'format', 'line 1 is not a bundle header');
    if (value.format !== BUNDLE_FORMAT) this.fail('header', 'format', `not a ${BUNDLE_FORMAT} file`);
    if (value.formatVersion !== BUNDLE_FORMAT_VERSION)
      this.fail('header', 'format', `unsupported format version ${String(value.formatVersion)}`);
    if (!sameKeys(value, HEADER_FIELDS)) this.fail('header', 'format', `header fields must be exactly: ${HEADER_FIELDS.join(', ')}`);
    const header = value as TBundleHeader;
    if (header.kind !== 'export' && header.kind !== 'segment') this.fail('header', 'format', 'kind must be "export" or "segment"');
    if (header.filtered !== (header.filter !== null)) this.fail('header', 'format', 'filtered must be true exactly when a filter is given');
    const range = header.sequenceRange;
    if (
      range !== null &&
      !(
        isObject(range) &&
        SEQUENCE.test(String(range.first)) &&
        SEQUENCE.test(String(range.last)) &&
        BigInt(range.first) <= BigInt(range.last)
      )
    ) {
      this.fail('header', 'format', 'sequenceRange must be null or {"first","last"} with first <= last');
    }
    try {
      this.wanted = header.filter ? filterTags(header.filter) : null;
    } catch (error) {
      this.fail('header', 'format', (error as Error).message);
    }
    this.header = header;
    // The header steers the streaming checks; it is trusted only once the signed manifest repeats it
    // (a tampered header is reported as such at the manifest, not as a bad entry).
    this.range = new CompactRange(range ? Number(range.first) - 1 : 0);
  }

  /** Position and link checks shared by entry and leaf lines: every sequence of the range, in order. */
  private place(sequence: string, entryHash: string, record: TAuditRecord | null): void {
    const expected = this.last ? (BigInt(this.last.sequence) + 1n).toString() : this.header!.sequenceRange?.first;
    if (expected === undefined) this.fail('entry', 'completeness', 'the bundle has an empty range but holds entries', sequence);
    if (sequence !== expected) {
      const code = BigInt(sequence) > BigInt(expected) ? 'completeness' : 'order';
      this.fail(
        'entry',
        code,
        code === 'completeness'
          ? `sequence ${expected} is missing from the range (next line is ${sequence})`
          : `sequence ${sequence} is out of order (expected ${expected})`,
        sequence,
      );
    }
    if (record) {
      if (record.sequence === '1' && record.prevHash !== GENESIS_HASH)
        this.fail('entry', 'genesis', 'sequence 1 must have the genesis prevHash (64 zeros)', sequence);
      if (this.last) {
        if (record.prevHash !== this.last.entryHash)
          this.fail('entry', 'link', `prevHash does not equal the entryHash of sequence ${this.last.sequence}`, sequence);
        this.counts.links++;
      }
    }
    const ref = { sequence, entryHash, line: this.lineNo, record };
    this.first ??= ref;
    this.last = ref;
  }

  private async acceptLine(value: Record<string, unknown>): Promise<void> {
    const sequence = typeof value.sequence === 'string' ? value.sequence : null;
    if (value.type === 'leaf') return this.acceptLeaf(value, sequence);
    if (value.type !== 'entry') this.fail('entry', 'format', `unknown line type ${JSON.stringify(value.type)}`, sequence);
    if (!sameKeys(value, ENTRY_FIELDS)) this.fail('entry', 'format', `entry fields must be exactly: ${ENTRY_FIELDS.join(', ')}`, sequence);
    const { type: _type, ...rest } = value;
    const record = rest as TAuditRecord;
    const format = auditRecordFormatFault(record);
    if (format) this.fail('entry', 'format', format, sequence);
    const recomputed = hashAuditEntry(record);
    if (recomputed !== record.entryHash)
      this.fail('entry', 'hash', `entryHash does not match the entry's content (recomputed ${recomputed})`, sequence);
    this.place(record.sequence, record.entryHash, record);
    const tags = entryTags(record);
    if (this.wanted && !matchesFilter(tags, this.wanted))
      this.fail('entry', 'scope', "entry is outside the export's filter but was included in full", sequence);
    this.range!.appendLeaf(auditLeafHash(record.entryHash, tags));
    this.counts.entries++;
    this.keyIds.add(record.keyId);
    this.pending.push({ record, line: this.lineNo });
    if (this.pending.length >= (this.options.batchSize ?? 256)) await this.flush();
  }

  private acceptLeaf(value: Record<string, unknown>, sequence: string | null): void {
    if (!sameKeys(value, LEAF_FIELDS)) this.fail('entry', 'format', `leaf fields must be exactly: ${LEAF_FIELDS.join(', ')}`, sequence);
    const tags = value.tags;
    if (!sequence || !SEQUENCE.test(sequence) || typeof value.entryHash !== 'string' || !HEX64.test(value.entryHash))
      this.fail('entry', 'format', 'leaf needs a sequence and a 64-hex entryHash', sequence);
    if (
      !Array.isArray(tags) ||
      tags.length === 0 ||
      !tags.every((t, i) => typeof t === 'string' && HEX64.test(t) && (i === 0 || tags[i - 1] < t))
    ) {
      this.fail('entry', 'format', 'leaf tags must be a sorted list of distinct 64-hex hashes', sequence);
    }
    if (!this.wanted) this.fail('entry', 'completeness', 'an unfiltered bundle must hold every entry of its range in full', sequence);
    if (matchesFilter(tags as string[], this.wanted))
      this.fail('entry', 'completeness', "an entry within the export's filter was withheld (only its leaf is present)", sequence);
    this.place(sequence, value.entryHash, null);
    this.range!.appendLeaf(auditLeafHash(value.entryHash, tags as string[]));
    this.counts.leaves++;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const hmac = this.options.hmac;
    const valid = hmac
      ? await Promise.all(
          batch.map(({ record }) => (hmac.hasKey(record.keyId) ? hmac.verify(record.keyId, record.entryHash, record.signature) : false)),
        )
      : [];
    for (const [i, { record, line }] of batch.entries()) {
      if (hmac && !valid[i])
        this.fail('entry', 'entry_signature', `HMAC signature does not verify with key "${record.keyId}"`, record.sequence, line);
      this.counts.verified++;
      const problem = await this.options.onEntry?.(record, line);
      if (problem) this.fail('entry', 'cross_check', problem, record.sequence, line);
    }
  }

  private async acceptManifest(value: Record<string, unknown>, terminated: boolean): Promise<void> {
    await this.flush();
    this.manifestSeen = true;
    if (!this.header) this.fail('manifest', 'format', 'manifest without a header');
    if (!sameKeys(value, MANIFEST_LINE_FIELDS) || !isObject(value.manifest)) this.fail('manifest', 'format', 'malformed manifest line');
    const line = value as unknown as TManifestLine;
    if (manifestDigest(line.manifest) !== line.manifestHash) this.fail('manifest', 'hash', 'manifestHash does not match the manifest');
    this.compareManifest(line.manifest);
    if (!terminated) this.fail('manifest', 'format', 'the manifest line must end with a newline');
    let anchor: TAnchorReport;
    try {
      anchor = verifyBundleAnchor(this.options.publicKeys, {
        manifest: line.manifest,
        line,
        range: this.range!.nodes(),
        lastHash: this.last?.entryHash ?? null,
      });
    } catch (error) {
      if (error instanceof AnchorFault) this.fail('manifest', error.code, error.message);
      throw error;
    }
    this.summary = this.buildSummary(line, anchor);
  }

  private compareManifest(m: TBundleManifest): void {
    for (const field of DESCRIPTION_FIELDS) {
      if (canonicalJson(this.header![field]) !== canonicalJson(m[field]))
        this.fail('header', 'mismatch', `header field "${field}" differs from the signed manifest`, null, 1);
    }
    const expected: [string, unknown, unknown][] = [
      ['entryCount', m.entryCount, this.counts.entries],
      ['leafCount', m.leafCount, this.counts.leaves],
      ['firstSequence', m.firstSequence, this.first?.sequence ?? null],
      ['lastSequence', m.lastSequence, this.last?.sequence ?? null],
      ['firstHash', m.firstHash, this.first?.entryHash ?? null],
      ['lastHash', m.lastHash, this.last?.entryHash ?? null],
      ['keyIds', canonicalJson(m.keyIds), canonicalJson([...this.keyIds].sort())],
      ['contentBytes', m.contentBytes, this.contentBytes],
      ['contentSha256', m.contentSha256, this.content.digest('hex')],
    ];
    for (const [field, stated, actual] of expected) {
      if (stated !== actual)
        this.fail('manifest', 'mismatch', `manifest ${field} is ${JSON.stringify(stated)} but the bundle has ${JSON.stringify(actual)}`);
    }
    if (m.sequenceRange && this.last?.sequence !== m.sequenceRange.last) {
      this.fail(
        'manifest',
        'completeness',
        `the range ends at ${m.sequenceRange.last} but the bundle stops at ${this.last?.sequence ?? 'nothing'}`,
      );
    }
    if (m.kind === 'segment') this.checkSegmentStart(m.previousSegment);
  }

  /** A segment must continue its predecessor exactly (or start the chain). */
  private checkSegmentStart(previous: TBundleManifest['previousSegment']): void {
    const first = this.first?.record;
    if (!first) this.fail('manifest', 'format', 'a segment cannot be empty');
    const sequence = previous ? (BigInt(previous.lastSequence) + 1n).toString() : '1';
    const prevHash = previous ? previous.lastHash : GENESIS_HASH;
    if (first.sequence !== sequence || first.prevHash !== prevHash) {
      this.fail(
        'entry',
        'link',
        `segment does not continue the previous one (expected sequence ${sequence} with prevHash ${prevHash})`,
        first.sequence,
        this.first!.line,
      );
    }
  }

  private buildSummary(line: TManifestLine, anchor: TAnchorReport): TBundleSummary {
    const m = line.manifest;
    return {
      kind: m.kind,
      id: m.id,
      entryCount: m.entryCount,
      leafCount: m.leafCount,
      firstSequence: m.firstSequence,
      lastSequence: m.lastSequence,
      firstHash: m.firstHash,
      lastHash: m.lastHash,
      keyIds: m.keyIds,
      filtered: m.filtered,
      sequenceRange: m.sequenceRange,
      manifestHash: line.manifestHash,
      manifestKeyId: line.keyId,
      manifestSignature: line.signature,
      contentSha256: m.contentSha256,
      contentBytes: this.contentBytes,
      lines: this.lineNo,
      chainLinks: this.counts.links,
      entrySignaturesChecked: Boolean(this.options.hmac),
      ...anchor,
    };
  }

  async finish(): Promise<TBundleSummary> {
    await this.flush();
    if (!this.summary) this.fail('file', 'truncated', `no manifest line: the bundle ends after line ${this.lineNo} (truncated?)`);
    return this.summary;
  }
}

export async function verifyAuditBundle(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  options: TVerifyBundleOptions,
): Promise<TBundleVerification> {
  const verifier = new BundleVerifier(options);
  try {
    for await (const { bytes, terminated } of readLines(source)) await verifier.line(bytes, terminated);
    return { ok: true, ...(await verifier.finish()) };
  } catch (error) {
    if (error instanceof Fault) return { ok: false, entriesVerified: verifier.entriesVerified, ...error.fault };
    if (error instanceof LineTooLongError)
      return {
        ok: false,
        entriesVerified: verifier.entriesVerified,
        line: 0,
        part: 'file',
        sequence: null,
        code: 'syntax',
        message: error.message,
      };
    throw error;
  }
}
