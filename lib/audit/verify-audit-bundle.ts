// Verifies an audit bundle (bundle-format.ts) from a byte stream, offline: every line canonical,
// every entry's hash, signature and chain link, then the manifest's counts, hashes, SHA-256 of the
// bytes above it, and its signature. Stops at the first fault and names its line and sequence.
// Memory stays constant: entries are checked in small batches and only counters are kept.
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
import { AuditChainChecker } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';
import { readLines, LineTooLongError } from '@/lib/audit/read-lines';

export type TBundlePart = 'header' | 'entry' | 'manifest' | 'file';

export type TBundleFault = { line: number; part: TBundlePart; sequence: string | null; code: string; message: string };

/** What a valid bundle's manifest says, plus what the verifier measured and the manifest's own signature. */
export type TBundleSummary = Pick<
  TBundleManifest,
  'kind' | 'id' | 'entryCount' | 'firstSequence' | 'lastSequence' | 'firstHash' | 'lastHash' | 'gapCount' | 'keyIds' | 'filtered' | 'contentSha256'
> & {
  manifestHash: string;
  manifestKeyId: string;
  manifestSignature: string;
  /** Bytes counted while reading (the manifest's own claim is checked against it). */
  contentBytes: number;
  lines: number;
};

export type TBundleVerification = ({ ok: true } & TBundleSummary) | ({ ok: false; entriesVerified: number } & TBundleFault);

export type TVerifyBundleOptions = {
  provider: TAuditKeyProvider;
  /** Extra per-entry check run after the entry verified (verify-chain compares with the table). */
  onEntry?: (record: TAuditRecord, line: number) => Promise<string | null>;
  batchSize?: number;
};

const ENTRY_FIELDS = ['type', 'sequence', 'occurredAt', 'actorType', 'actorId', 'action', 'subjectType', 'subjectId', 'details', 'prevHash', 'entryHash', 'signature', 'keyId'];
const HEADER_FIELDS: string[] = ['type', ...DESCRIPTION_FIELDS];
const MANIFEST_LINE_FIELDS = ['type', 'manifest', 'manifestHash', 'keyId', 'signature'];

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

class BundleVerifier {
  private header: TBundleHeader | null = null;
  private checker: AuditChainChecker | null = null;
  private pending: { record: TAuditRecord; line: number }[] = [];
  private readonly content = createHash('sha256');
  private contentBytes = 0;
  private lineNo = 0;
  private manifestSeen = false;
  private firstLine = 0;
  private summary: TBundleSummary | null = null;
  private tally = { count: 0, gaps: 0, first: null as TAuditRecord | null, last: null as TAuditRecord | null, keyIds: new Set<string>() };

  constructor(private readonly options: TVerifyBundleOptions) {}

  get entriesVerified(): number {
    return this.checker?.count ?? 0;
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
    else await this.acceptEntry(parsed.value);
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
    if (value.formatVersion !== BUNDLE_FORMAT_VERSION) this.fail('header', 'format', `unsupported format version ${String(value.formatVersion)}`);
    if (!sameKeys(value, HEADER_FIELDS)) this.fail('header', 'format', `header fields must be exactly: ${HEADER_FIELDS.join(', ')}`);
    const header = value as TBundleHeader;
    if (header.kind !== 'export' && header.kind !== 'segment') this.fail('header', 'format', 'kind must be "export" or "segment"');
    if (typeof header.filtered !== 'boolean') this.fail('header', 'format', 'filtered must be true or false');
    this.header = header;
    // Only `filtered` steers streaming checks; everything else in the header is trusted only once the
    // signed manifest confirms it (a tampered header must be reported as such, not as a bad entry).
    this.checker = new AuditChainChecker(this.options.provider, { gapsAllowed: header.filtered });
  }

  private async acceptEntry(value: Record<string, unknown>): Promise<void> {
    const sequence = typeof value.sequence === 'string' ? value.sequence : null;
    if (value.type !== 'entry') this.fail('entry', 'format', `unknown line type ${JSON.stringify(value.type)}`, sequence);
    if (!sameKeys(value, ENTRY_FIELDS)) this.fail('entry', 'format', `entry fields must be exactly: ${ENTRY_FIELDS.join(', ')}`, sequence);
    const { type: _type, ...record } = value;
    this.pending.push({ record: record as TAuditRecord, line: this.lineNo });
    if (this.pending.length >= (this.options.batchSize ?? 256)) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.checker || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const fault = await this.checker.checkBatch(batch.map((p) => p.record));
    if (fault) this.fail('entry', fault.fault.code, fault.fault.message, fault.fault.sequence, batch[fault.index]!.line);
    for (const { record, line } of batch) {
      const t = this.tally;
      if (!t.first) this.firstLine = line;
      if (t.last && BigInt(record.sequence) !== BigInt(t.last.sequence) + 1n) t.gaps++;
      t.first ??= record;
      t.last = record;
      t.count++;
      t.keyIds.add(record.keyId);
      const problem = await this.options.onEntry?.(record, line);
      if (problem) this.fail('entry', 'cross_check', problem, record.sequence, line);
    }
  }

  private async acceptManifest(value: Record<string, unknown>, terminated: boolean): Promise<void> {
    await this.flush();
    this.manifestSeen = true;
    if (!sameKeys(value, MANIFEST_LINE_FIELDS) || !isObject(value.manifest)) this.fail('manifest', 'format', 'malformed manifest line');
    const line = value as unknown as TManifestLine;
    const m = line.manifest;
    if (manifestDigest(m) !== line.manifestHash) this.fail('manifest', 'hash', 'manifestHash does not match the manifest');
    if (!this.options.provider.hasKey(line.keyId)) this.fail('manifest', 'unknown_key', `manifest signed with key "${line.keyId}", which was not supplied to the verifier`);
    if (!(await this.options.provider.verify(line.keyId, line.manifestHash, line.signature))) this.fail('manifest', 'signature', `manifest signature does not verify with key "${line.keyId}"`);
    this.compareManifest(line);
    if (!terminated) this.fail('manifest', 'format', 'the manifest line must end with a newline');
    this.summary = this.buildSummary(line);
  }

  private compareManifest(line: TManifestLine): void {
    const m = line.manifest;
    const header = this.header!;
    for (const field of DESCRIPTION_FIELDS) {
      if (canonicalJson(header[field]) !== canonicalJson(m[field])) this.fail('header', 'mismatch', `header field "${field}" differs from the signed manifest`, null, 1);
    }
    const t = this.tally;
    const expected: [string, unknown, unknown][] = [
      ['entryCount', m.entryCount, t.count],
      ['firstSequence', m.firstSequence, t.first?.sequence ?? null],
      ['lastSequence', m.lastSequence, t.last?.sequence ?? null],
      ['firstHash', m.firstHash, t.first?.entryHash ?? null],
      ['lastHash', m.lastHash, t.last?.entryHash ?? null],
      ['gapCount', m.gapCount, t.gaps],
      ['keyIds', canonicalJson(m.keyIds), canonicalJson([...t.keyIds].sort())],
      ['contentBytes', m.contentBytes, this.contentBytes],
      ['contentSha256', m.contentSha256, this.content.digest('hex')],
    ];
    for (const [field, stated, actual] of expected) {
      if (stated !== actual) this.fail('manifest', 'mismatch', `manifest ${field} is ${JSON.stringify(stated)} but the bundle has ${JSON.stringify(actual)}`);
    }
    const range = m.sequenceRange;
    if (!m.filtered && range && t.count > 0 && (range.first !== m.firstSequence || range.last !== m.lastSequence)) {
      this.fail('manifest', 'mismatch', `an unfiltered bundle must hold its whole sequence range ${range.first}..${range.last}`);
    }
    if (m.kind === 'segment') this.checkSegmentStart(m.previousSegment);
  }

  /** A segment must continue its predecessor exactly (or start the chain). */
  private checkSegmentStart(previous: TManifestLine['manifest']['previousSegment']): void {
    const first = this.tally.first;
    if (!first) this.fail('manifest', 'format', 'a segment cannot be empty');
    const sequence = previous ? (BigInt(previous.lastSequence) + 1n).toString() : '1';
    const prevHash = previous ? previous.lastHash : GENESIS_HASH;
    if (first.sequence !== sequence || first.prevHash !== prevHash) {
      this.fail('entry', 'link', `segment does not continue the previous one (expected sequence ${sequence} with prevHash ${prevHash})`, first.sequence, this.firstLine);
    }
  }

  private buildSummary(line: TManifestLine): TBundleSummary {
    const m = line.manifest;
    return {
      kind: m.kind,
      id: m.id,
      entryCount: m.entryCount,
      firstSequence: m.firstSequence,
      lastSequence: m.lastSequence,
      firstHash: m.firstHash,
      lastHash: m.lastHash,
      gapCount: m.gapCount,
      keyIds: m.keyIds,
      filtered: m.filtered,
      manifestHash: line.manifestHash,
      manifestKeyId: line.keyId,
      manifestSignature: line.signature,
      contentSha256: m.contentSha256,
      contentBytes: this.contentBytes,
      lines: this.lineNo,
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
    if (error instanceof LineTooLongError) return { ok: false, entriesVerified: verifier.entriesVerified, line: 0, part: 'file', sequence: null, code: 'syntax', message: error.message };
    throw error;
  }
}
