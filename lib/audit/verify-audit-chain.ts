// Verifies the live audit table in place and against its sealed copies:
//  1. the table, streamed in sequence order: contiguous from 1, every hash, signature and link;
//  2. every sealed segment: the object is still under COMPLIANCE lock, is a valid segment bundle
//     that continues the previous one, matches its AuditSegment row (SHA-256, signature, range), and
//     each sealed entry equals the table's row byte for byte. Someone able to rewrite the table
//     (trigger disabled, even with the signing key, recomputing every later hash) is caught here,
//     because the sealed objects cannot be rewritten;
//  3. the journal: entries writers committed that the sequencer has not chained yet. They are not
//     part of the chain and not faults: they are counted as pending (with the oldest one's time, which
//     shows a stalled sequencer), and each one's content hash and writer signature are checked.
import { createHash } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { AuditChainChecker, auditJournalFault, type TChainFault } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider, type TAuditKeyProvider } from '@/lib/audit/key-provider';
import { signingProvider, type TSigningProvider } from '@/lib/audit/signing-provider';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { streamAuditEntries } from '@/lib/audit/stream-audit-entries';
import { verifyAuditBundle } from '@/lib/audit/verify-audit-bundle';
import { db, type DbTx } from '@/lib/db';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export type TSegmentFault = { segmentId: string; key: string; line: number | null; sequence: string | null; message: string };

export type TJournalFault = { journalId: string; message: string };

/** Journal entries not chained yet: expected while writers are busy, a problem only when old. */
export type TPendingEntries = { entries: number; oldestOccurredAt: string | null; fault: TJournalFault | null };

export type TChainVerification = {
  ok: boolean;
  pending: TPendingEntries;
  entries: number;
  lastSequence: string | null;
  tableFault: TChainFault | null;
  segmentsChecked: number;
  sealedEntries: number;
  segmentFault: TSegmentFault | null;
};

export type TVerifyChainOptions = {
  client?: DbTx;
  s3?: S3Client;
  provider?: TAuditKeyProvider;
  signer?: TSigningProvider;
  onProgress?: (checked: number) => void;
};

type TSegmentRow = {
  id: string;
  firstSequence: bigint;
  lastSequence: bigint;
  firstHash: string;
  lastHash: string;
  entryCount: number;
  bucket: string;
  key: string;
  versionId: string | null;
  sha256: string;
  signature: string;
  keyId: string;
};

async function verifyTable(client: DbTx, provider: TAuditKeyProvider, onProgress?: (n: number) => void) {
  const head = (await client.auditEntry.aggregate({ _max: { sequence: true } }))._max.sequence;
  if (!head) return { entries: 0, lastSequence: null, fault: null };
  const checker = new AuditChainChecker(provider, { gapsAllowed: false, expectFirst: { sequence: '1', prevHash: GENESIS_HASH } });
  for await (const batch of streamAuditEntries({ range: { first: '1', last: head.toString() }, client })) {
    const fault = await checker.checkBatch(batch);
    if (fault) return { entries: checker.count, lastSequence: head.toString(), fault: fault.fault };
    onProgress?.(checker.count);
  }
  const missing = checker.count !== Number(head);
  const fault: TChainFault | null = missing
    ? { code: 'gap', sequence: head.toString(), message: `table holds ${checker.count} entries but its highest sequence is ${head}` }
    : null;
  return { entries: checker.count, lastSequence: head.toString(), fault };
}

/** Compares each sealed entry with the table row of the same sequence, paging the table alongside. */
function tableComparer(client: DbTx, segment: TSegmentRow) {
  const rows = streamAuditEntries({ range: { first: segment.firstSequence.toString(), last: segment.lastSequence.toString() }, client });
  let page: TAuditRecord[] = [];
  let index = 0;
  return async (sealed: TAuditRecord): Promise<string | null> => {
    if (index >= page.length) {
      const next = await rows.next();
      page = next.done ? [] : next.value;
      index = 0;
    }
    const row = page[index];
    if (!row || row.sequence !== sealed.sequence) return `sequence ${sealed.sequence} is sealed but missing from the table (row deleted?)`;
    index++;
    const differing = (Object.keys(sealed) as (keyof TAuditRecord)[]).filter((k) => canonicalJson(sealed[k]) !== canonicalJson(row[k]));
    return differing.length ? `table row differs from its sealed copy in: ${differing.join(', ')}` : null;
  };
}

async function* hashing(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

type TSegmentKeys = { provider: TAuditKeyProvider; publicKeys: TPublishedKey[] };

async function verifySegment(
  client: DbTx,
  s3: S3Client,
  keys: TSegmentKeys,
  seg: TSegmentRow,
  expectedFirst: bigint,
): Promise<TSegmentFault | null> {
  const fault = (message: string, line: number | null = null, sequence: string | null = null): TSegmentFault => ({
    segmentId: seg.id,
    key: seg.key,
    line,
    sequence,
    message,
  });
  if (seg.firstSequence !== expectedFirst)
    return fault(`segment starts at ${seg.firstSequence}, expected ${expectedFirst} (sealed range not contiguous)`);
  const object = await s3.send(new GetObjectCommand({ Bucket: seg.bucket, Key: seg.key, VersionId: seg.versionId ?? undefined }));
  if (object.ObjectLockMode !== 'COMPLIANCE' || !object.ObjectLockRetainUntilDate || object.ObjectLockRetainUntilDate <= new Date()) {
    return fault(`object is not under an active COMPLIANCE lock (mode ${object.ObjectLockMode ?? 'none'})`);
  }
  const sha = createHash('sha256');
  const result = await verifyAuditBundle(hashing(object.Body as AsyncIterable<Uint8Array>, sha), {
    publicKeys: keys.publicKeys,
    hmac: keys.provider,
    onEntry: tableComparer(client, seg),
  });
  if (!result.ok)
    return fault(
      result.code === 'cross_check' ? result.message : `sealed object ${result.part}: ${result.message}`,
      result.line,
      result.sequence,
    );
  const expected: [string, unknown, unknown][] = [
    ['kind', result.kind, 'segment'],
    ['id', result.id, seg.id],
    ['firstSequence', result.firstSequence, seg.firstSequence.toString()],
    ['lastSequence', result.lastSequence, seg.lastSequence.toString()],
    ['firstHash', result.firstHash, seg.firstHash],
    ['lastHash', result.lastHash, seg.lastHash],
    ['entryCount', result.entryCount, seg.entryCount],
    ['sha256', sha.digest('hex'), seg.sha256],
    ['signature', result.manifestSignature, seg.signature],
    ['keyId', result.manifestKeyId, seg.keyId],
  ];
  const bad = expected.find(([, actual, recorded]) => actual !== recorded);
  return bad ? fault(`object ${bad[0]} ${JSON.stringify(bad[1])} differs from the AuditSegment row's ${JSON.stringify(bad[2])}`) : null;
}

const JOURNAL_PAGE = 2000;

async function verifyJournal(client: DbTx, provider: TAuditKeyProvider): Promise<TPendingEntries> {
  let entries = 0;
  let oldest: Date | null = null;
  let after = 0n;
  for (;;) {
    const rows = await client.auditJournal.findMany({
      where: { position: { gt: after } },
      orderBy: { position: 'asc' },
      take: JOURNAL_PAGE,
    });
    if (rows.length === 0) return { entries, oldestOccurredAt: oldest?.toISOString() ?? null, fault: null };
    const faults = await Promise.all(
      rows.map((r) => auditJournalFault({ ...r, journalId: r.id, occurredAt: r.occurredAt.toISOString() }, provider)),
    );
    const bad = faults.findIndex((f) => f !== null);
    if (bad >= 0)
      return {
        entries: entries + bad,
        oldestOccurredAt: oldest?.toISOString() ?? null,
        fault: { journalId: rows[bad]!.id, message: faults[bad]! },
      };
    for (const r of rows) if (!oldest || r.occurredAt < oldest) oldest = r.occurredAt;
    entries += rows.length;
    after = rows.at(-1)!.position;
  }
}

export async function verifyAuditChain(options: TVerifyChainOptions = {}): Promise<TChainVerification> {
  const client = options.client ?? db();
  const provider = options.provider ?? auditKeyProvider();
  // The journal first: an entry chained meanwhile is then seen in the table pass instead of neither.
  const pending = await verifyJournal(client, provider);
  const table = await verifyTable(client, provider, options.onProgress);
  const segments = await client.auditSegment.findMany({ orderBy: { firstSequence: 'asc' } });
  const publicKeys = segments.length ? await (options.signer ?? signingProvider()).publishedKeys() : [];
  let segmentFault: TSegmentFault | null = null;
  let segmentsChecked = 0;
  let sealedEntries = 0;
  let expectedFirst = 1n;
  for (const seg of segments) {
    segmentFault = await verifySegment(client, options.s3 ?? defaultS3(), { provider, publicKeys }, seg, expectedFirst);
    if (segmentFault) break;
    segmentsChecked++;
    sealedEntries += seg.entryCount;
    expectedFirst = seg.lastSequence + 1n;
  }
  return {
    ok: !table.fault && !segmentFault && !pending.fault,
    pending,
    entries: table.entries,
    lastSequence: table.lastSequence,
    tableFault: table.fault,
    segmentsChecked,
    sealedEntries,
    segmentFault,
  };
}
