// Sealing the audit chain into the Object-Locked audit bucket (real Ceph RGW), on a throwaway
// database: segments chain, objects are locked, and verify-chain catches rows rewritten behind the
// trigger's back — even re-signed with the real key — by comparing them with the sealed copies.
import { DeleteObjectCommand, GetObjectCommand, GetObjectRetentionCommand, PutObjectRetentionCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalAuditEntries } from '@/lib/audit/append-audit-entry';
import { hashAuditEntry } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider } from '@/lib/audit/key-provider';
import { signingProvider } from '@/lib/audit/signing-provider';
import { auditBucket, sealAuditSegment, type TSealResult, type TSealedSegment } from '@/lib/audit/seal-audit-segment';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createPrismaClient, type Db } from '@/lib/db';
import { env, type TEnv } from '@/lib/env';
import { provisionBuckets } from '@/lib/storage/provision-buckets';
import { createS3Client, isObjectLockDenial } from '@/lib/storage/s3-client';
import { throwawayDatabase } from '@/tests/support/throwaway-database';
import { runTsx } from '@/tests/support/run-node';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const scratch = throwawayDatabase('audit_seal');
const url = scratch.url;
let client: Db;
let sql: pg.Client;
let config: TEnv;
const s3 = createS3Client();

// Sealing reads the chain only: chain what was journaled (entries and earlier `audit.sealed`) first.
const flush = () => flushAuditSequencer({ client, connectionString: url });

const append = async (n: number, tag = 'test.seal') => {
  await journalAuditEntries(
    Array.from({ length: n }, (_, i) => ({
      actorType: 'worker' as const,
      actorId: 'sealer-test',
      action: tag,
      subjectType: 'system',
      subjectId: 'seal',
      details: { i },
    })),
    client,
  );
  await flush();
};

const seal = async (overrides: Partial<TEnv> = {}, extra: { force?: boolean; now?: Date } = {}) => {
  await flush();
  return sealAuditSegment({ client, s3, config: { ...config, ...overrides }, ...extra });
};

function sealed(result: TSealResult): TSealedSegment {
  if (result.status !== 'sealed') throw new Error(`expected a sealed segment, got ${result.status}`);
  return result.segment;
}

async function objectLines(segment: TSealedSegment): Promise<string[]> {
  const object = await s3.send(
    new GetObjectCommand({ Bucket: segment.bucket, Key: segment.key, VersionId: segment.versionId ?? undefined }),
  );
  return (await object.Body!.transformToString('utf8')).trimEnd().split('\n');
}

/** Runs `fn` with the append-only trigger disabled, as a superuser could; always re-enables it. */
async function withTriggerDisabled(fn: () => Promise<void>): Promise<void> {
  await sql.query('ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"');
  try {
    await fn();
  } finally {
    await sql.query('ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"');
  }
}

type TRow = { sequence: string; occurredAt: Date; details: unknown; prevHash: string; entryHash: string; signature: string };
const rowsFrom = async (sequence: number): Promise<TRow[]> =>
  (
    await sql.query<TRow>(
      'SELECT "sequence"::text AS sequence, "occurredAt", "details", "prevHash", "entryHash", "signature" FROM "AuditEntry" WHERE "sequence" >= $1 ORDER BY "AuditEntry"."sequence"',
      [sequence],
    )
  ).rows;

async function restore(rows: TRow[]): Promise<void> {
  for (const r of rows) {
    await sql.query('UPDATE "AuditEntry" SET "details" = $2, "prevHash" = $3, "entryHash" = $4, "signature" = $5 WHERE "sequence" = $1', [
      r.sequence,
      JSON.stringify(r.details),
      r.prevHash,
      r.entryHash,
      r.signature,
    ]);
  }
}

beforeAll(async () => {
  await scratch.create();
  config = env();
  client = createPrismaClient(url);
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const region = config.AUDIT_REGION ?? config.RESIDENCY_REGIONS[0]!;
  await provisionBuckets(s3, [region], {
    retentionDays: config.RETENTION_DEFAULT_DAYS,
    transitionDays: config.RETENTION_TRANSITION_DAYS,
    noncurrentDays: config.RETENTION_NONCURRENT_DAYS,
    transitionStorageClass: config.STORAGE_TRANSITION_CLASS,
  });
}, 60_000);

afterAll(async () => {
  await client?.$disconnect();
  await sql?.end();
  await scratch.drop();
  s3.destroy();
});

describe('sealing the audit chain', () => {
  const segments: TSealedSegment[] = [];

  it('seals by age or by count, never before, into chained, COMPLIANCE-locked objects', async () => {
    await append(10);
    expect(await seal({ AUDIT_SEAL_EVERY_ENTRIES: 50, AUDIT_SEAL_EVERY_SECONDS: 300 })).toEqual({ status: 'not_due', unsealed: 10 });
    const later = new Date(Date.now() + 301_000);
    segments.push(sealed(await seal({ AUDIT_SEAL_EVERY_ENTRIES: 50, AUDIT_SEAL_EVERY_SECONDS: 300 }, { now: later })));
    expect(segments[0]).toMatchObject({ firstSequence: '1', lastSequence: '10', entryCount: 10, bucket: auditBucket(config) });
    // Only its own `audit.sealed` entry is unsealed now: not worth a segment, however old.
    expect(await seal({ AUDIT_SEAL_EVERY_ENTRIES: 50 }, { now: new Date(Date.now() + 3_600_000) })).toEqual({
      status: 'not_due',
      unsealed: 1,
    });

    await append(60);
    segments.push(sealed(await seal({ AUDIT_SEAL_EVERY_ENTRIES: 50 })));
    expect(segments[1]).toMatchObject({ firstSequence: '11', lastSequence: '71', entryCount: 61 });

    const [first, second] = [await objectLines(segments[0]!), await objectLines(segments[1]!)];
    expect(first).toHaveLength(12);
    const lastOfFirst = JSON.parse(first.at(-2)!);
    const firstOfSecond = JSON.parse(second[1]!);
    expect(firstOfSecond.prevHash).toBe(lastOfFirst.entryHash);
    expect(JSON.parse(second[0]!).previousSegment).toEqual({ id: segments[0]!.id, lastSequence: '10', lastHash: lastOfFirst.entryHash });

    const retention = await s3.send(
      new GetObjectRetentionCommand({ Bucket: segments[0]!.bucket, Key: segments[0]!.key, VersionId: segments[0]!.versionId ?? undefined }),
    );
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
    const expectedUntil = later.getTime() + config.RETENTION_DEFAULT_DAYS * 86_400_000;
    expect(Math.abs(retention.Retention!.RetainUntilDate!.getTime() - expectedUntil)).toBeLessThan(5_000);

    const row = await client.auditSegment.findUniqueOrThrow({ where: { id: segments[0]!.id } });
    expect(row).toMatchObject({ firstSequence: 1n, lastSequence: 10n, lastHash: lastOfFirst.entryHash, sha256: segments[0]!.sha256 });
    await flush();
    const audited = await client.auditEntry.findFirstOrThrow({ where: { action: 'audit.sealed' }, orderBy: { sequence: 'asc' } });
    expect(audited.details).toMatchObject({ id: segments[0]!.id, firstSequence: '1', lastSequence: '10', sha256: segments[0]!.sha256 });
  });

  it('cannot delete or shorten a sealed object, nor change its AuditSegment row', async () => {
    const s = segments[0]!;
    const denied = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, 'the store accepted the request').not.toBeNull();
      expect(isObjectLockDenial(error)).toBe(true);
    };
    await denied(s3.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: s.key, VersionId: s.versionId ?? undefined })));
    await denied(
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: s.bucket,
          Key: s.key,
          VersionId: s.versionId ?? undefined,
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.now() + 86_400_000) },
        }),
      ),
    );
    expect(await objectLines(s)).toHaveLength(12);
    await expect(sql.query(`UPDATE "AuditSegment" SET "lastHash" = 'x' WHERE "id" = $1`, [s.id])).rejects.toThrow(
      /AuditSegment is append-only/,
    );
    await expect(sql.query(`DELETE FROM "AuditSegment"`)).rejects.toThrow(/AuditSegment is append-only/);
  });

  it('caps a segment at AUDIT_SEAL_MAX_ENTRIES and lets concurrent sealers neither overlap nor gap', async () => {
    await append(70);
    const capped = await seal({ AUDIT_SEAL_EVERY_ENTRIES: 10, AUDIT_SEAL_MAX_ENTRIES: 30 });
    expect(capped).toMatchObject({ status: 'sealed', more: true, segment: { entryCount: 30 } });
    const results = await Promise.all([1, 2, 3].map(() => seal({ AUDIT_SEAL_EVERY_ENTRIES: 10, AUDIT_SEAL_MAX_ENTRIES: 30 })));
    expect(results.filter((r) => r.status === 'sealed').length).toBeGreaterThanOrEqual(1);
    const rows = await client.auditSegment.findMany({ orderBy: { firstSequence: 'asc' } });
    rows.forEach((r, i) => i > 0 && expect(r.firstSequence).toBe(rows[i - 1]!.lastSequence + 1n));
    expect(rows[0]!.firstSequence).toBe(1n);
  });

  it('verify-chain passes, then catches a sealed row rewritten and re-signed behind the trigger', async () => {
    expect(await verifyAuditChain({ client, s3 })).toMatchObject({ ok: true, tableFault: null, segmentFault: null });
    const cli = await runTsx('scripts/audit/verify-chain.ts', [], { DATABASE_URL: url });
    expect(cli.stdout).toContain('VALID audit chain');
    expect(cli.code).toBe(0);

    // An insider with database superuser AND the signing key rewrites entry 5 and re-chains everything after it.
    const original = await rowsFrom(5);
    const provider = auditKeyProvider();
    await withTriggerDisabled(async () => {
      try {
        let prevHash = original[0]!.prevHash;
        for (const [i, r] of original.entries()) {
          const e = await client.auditEntry.findUniqueOrThrow({ where: { sequence: BigInt(r.sequence) } });
          const details = i === 0 ? { i: 4, rewritten: true } : (e.details as object);
          const entryHash = hashAuditEntry({ ...e, sequence: r.sequence, occurredAt: e.occurredAt.toISOString(), details, prevHash });
          await sql.query(
            'UPDATE "AuditEntry" SET "details" = $2, "prevHash" = $3, "entryHash" = $4, "signature" = $5 WHERE "sequence" = $1',
            [r.sequence, JSON.stringify(details), prevHash, entryHash, await provider.sign(e.keyId, entryHash)],
          );
          prevHash = entryHash;
        }
        const result = await verifyAuditChain({ client, s3 });
        expect(result.tableFault).toBeNull(); // the table alone looks perfect
        expect(result.ok).toBe(false);
        expect(result.segmentFault).toMatchObject({
          segmentId: segments[0]!.id,
          sequence: '5',
          message: expect.stringContaining('differs from its sealed copy in: details, entryHash, signature'),
        });
        const tampered = await runTsx('scripts/audit/verify-chain.ts', [], { DATABASE_URL: url });
        expect(tampered.code).toBe(1);
        expect(tampered.stdout).toMatch(/SEGMENT FAULT .* sequence 5: table row differs/);
      } finally {
        await restore(original);
      }
    });
    expect((await verifyAuditChain({ client, s3 })).ok).toBe(true);
  }, 60_000);

  it('verify-chain names a plainly edited row and a deleted sealed row', async () => {
    const original = await rowsFrom(40);
    await withTriggerDisabled(async () => {
      try {
        await sql.query(`UPDATE "AuditEntry" SET "details" = '{"i":99}' WHERE "sequence" = 40`);
        const edited = await verifyAuditChain({ client, s3 });
        expect(edited.tableFault).toMatchObject({ code: 'hash', sequence: '40' });
        expect(edited.segmentFault).toMatchObject({ sequence: '40' });
      } finally {
        await restore(original.slice(0, 1));
      }
      const row = (await sql.query('SELECT * FROM "AuditEntry" WHERE "sequence" = 40')).rows[0];
      await sql.query('DELETE FROM "AuditEntry" WHERE "sequence" = 40');
      try {
        const deleted = await verifyAuditChain({ client, s3 });
        expect(deleted.tableFault).toMatchObject({ code: 'gap', sequence: '41' });
        expect(deleted.segmentFault).toMatchObject({ sequence: '40', message: expect.stringContaining('missing from the table') });
      } finally {
        const cols = Object.keys(row);
        await sql.query(
          `INSERT INTO "AuditEntry" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
          cols.map((c) => (c === 'details' ? JSON.stringify(row[c]) : row[c])),
        );
      }
    });
    expect((await verifyAuditChain({ client, s3 })).ok).toBe(true);
  }, 60_000);

  it('a sealed object verifies offline with the bundle CLI', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cv-audit-segment-'));
    try {
      const file = path.join(dir, 'segment.jsonl');
      await writeFile(file, (await objectLines(segments[1]!)).join('\n') + '\n');
      const keysFile = path.join(dir, 'keys.json');
      await writeFile(keysFile, JSON.stringify({ keys: await signingProvider().publishedKeys() }));
      const run = await runTsx('scripts/audit/verify-bundle.ts', ['--keys', keysFile, file]);
      expect(run.stdout).toContain('VALID');
      expect(run.stdout).toContain('entries 11..71 continuous');
      expect(run.stdout).toContain('range 11..71 complete: 61 entries in full');
      expect(run.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
