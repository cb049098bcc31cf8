// One batch of the audit sequencer: takes committed journal rows in position order, checks each
// writer's signature, links them after the chain head (sequence, prevHash, entryHash), signs the
// entry hashes, then in ONE transaction inserts the chained "AuditEntry" rows and deletes the
// journal rows they came from. If the process dies anywhere before COMMIT nothing has moved: the
// rows are still in the journal and the next sequencer chains them. Run it only on the connection
// that holds the sequencer lock (lead-audit-sequencer.ts): that connection is the fence, so a
// sequencer that lost its lock (connection gone) cannot commit a batch. Sequence is the primary key
// and journalId unique, so even a writer outside the lock could only fail, never fork the chain.
import type pg from 'pg';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { auditJournalFault } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH, hashAuditEntry, type TAuditHashed, type TAuditJournalRecord } from '@/lib/audit/hash-audit-entry';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';

export type TChainBatchOptions = {
  provider: TAuditKeyProvider;
  /** Rows per batch (one INSERT and one DELETE each). */
  limit?: number;
  /** Journal ids already refused: skipped so one bad row cannot stall the chain. */
  skip?: string[];
  /** Chain only rows at or before this journal position (a flush must end even while writers go on). */
  maxPosition?: bigint;
};

export type TChainBatchResult = { chained: number; refused: { journalId: string; reason: string }[]; lastSequence: string | null };

type TJournalRow = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
  contentHash: string;
  signature: string;
  keyId: string;
};

const toRecord = (r: TJournalRow): TAuditJournalRecord => ({
  journalId: r.id,
  occurredAt: r.occurredAt.toISOString(),
  actorType: r.actorType,
  actorId: r.actorId,
  action: r.action,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  details: r.details,
  contentHash: r.contentHash,
  signature: r.signature,
  keyId: r.keyId,
});

async function readJournal(client: pg.ClientBase, o: TChainBatchOptions): Promise<TAuditJournalRecord[]> {
  const { rows } = await client.query<TJournalRow>(
    `SELECT "id", "occurredAt", "actorType", "actorId", "action", "subjectType", "subjectId", "details", "contentHash", "signature", "keyId"
       FROM "AuditJournal" WHERE NOT ("id" = ANY($2::uuid[])) AND "position" <= $3::bigint ORDER BY "position" LIMIT $1`,
    [o.limit ?? 1000, o.skip ?? [], (o.maxPosition ?? BigInt('9223372036854775807')).toString()],
  );
  return rows.map(toRecord);
}

type TLinked = TAuditHashed & { journalId: string; entryHash: string };

function link(records: TAuditJournalRecord[], head: { sequence: string; entryHash: string } | undefined): TLinked[] {
  let sequence = BigInt(head?.sequence ?? '0');
  let prevHash = head?.entryHash ?? GENESIS_HASH;
  return records.map((r) => {
    sequence += 1n;
    const hashed: TAuditHashed = {
      sequence: sequence.toString(),
      occurredAt: r.occurredAt,
      actorType: r.actorType,
      actorId: r.actorId,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      details: r.details,
      prevHash,
    };
    prevHash = hashAuditEntry(hashed);
    return { ...hashed, journalId: r.journalId, entryHash: prevHash };
  });
}

const INSERT_CHAINED = `INSERT INTO "AuditEntry" ("sequence", "occurredAt", "actorType", "actorId", "action", "subjectType", "subjectId", "details", "prevHash", "entryHash", "signature", "keyId", "journalId")
  SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[])`;

async function commitBatch(client: pg.ClientBase, linked: TLinked[], signatures: string[], keyId: string): Promise<void> {
  const column = <K extends keyof TLinked>(k: K) => linked.map((e) => e[k]);
  await client.query('BEGIN');
  try {
    await client.query(INSERT_CHAINED, [
      column('sequence'),
      column('occurredAt'),
      column('actorType'),
      column('actorId'),
      column('action'),
      column('subjectType'),
      column('subjectId'),
      linked.map((e) => canonicalJson(e.details)),
      column('prevHash'),
      column('entryHash'),
      signatures,
      linked.map(() => keyId),
      column('journalId'),
    ]);
    await client.query('DELETE FROM "AuditJournal" WHERE "id" = ANY($1::uuid[])', [column('journalId')]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export async function chainAuditJournal(client: pg.ClientBase, o: TChainBatchOptions): Promise<TChainBatchResult> {
  const records = await readJournal(client, o);
  if (records.length === 0) return { chained: 0, refused: [], lastSequence: null };
  const faults = await Promise.all(records.map((r) => auditJournalFault(r, o.provider)));
  const refused = records.flatMap((r, i) => (faults[i] ? [{ journalId: r.journalId, reason: faults[i] }] : []));
  const good = records.filter((_, i) => !faults[i]);
  if (good.length === 0) return { chained: 0, refused, lastSequence: null };
  const {
    rows: [head],
  } = await client.query<{ sequence: string; entryHash: string }>(
    // Qualified: the bare name in ORDER BY would sort by the text alias ('999' after '1000').
    'SELECT e."sequence"::text AS "sequence", e."entryHash" FROM "AuditEntry" e ORDER BY e."sequence" DESC LIMIT 1',
  );
  const linked = link(good, head);
  const keyId = o.provider.activeKeyId();
  // Signing is outside the transaction: nothing is locked while a KMS call is in flight.
  const signatures = await Promise.all(linked.map((e) => o.provider.sign(keyId, e.entryHash)));
  await commitBatch(client, linked, signatures, keyId);
  return { chained: linked.length, refused, lastSequence: linked.at(-1)!.sequence };
}
