// The live audit chain on a throwaway database: append-only at the database, 10 concurrent writer
// processes (each also competing to be the sequencer) leave one unbroken chain, a sequencer whose
// connection dies is replaced without losing an entry, pending entries are reported (not faults),
// and keys rotate without breaking verification.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalAuditEntry } from '@/lib/audit/append-audit-entry';
import { bundleFileWriter } from '@/tests/support/bundle-file-writer';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { setAuditKeyProvider } from '@/lib/audit/key-provider';
import { LocalKeyProvider, parseLocalKeys } from '@/lib/audit/local-key-provider';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import { signingProvider } from '@/lib/audit/signing-provider';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createPrismaClient, type Db } from '@/lib/db';
import { startAuditSequencer } from '@/workers/processors/audit-sequencer';
import { throwawayDatabase } from '@/tests/support/throwaway-database';
import { ROOT, runTsx } from '@/tests/support/run-node';

const scratch = throwawayDatabase('audit_chain');
const url = scratch.url;
const envKeys = parseLocalKeys(process.env.AUDIT_HMAC_KEYS ?? '');
let client: Db;
let sql: pg.Client;

/** Runs one writer process to completion once `go` resolves; resolves with its exit code. */
function startWriter(
  id: string,
  count: number,
  go: Promise<void>,
): { ready: Promise<void>; done: Promise<number | null>; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/audit-writer-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, AUDIT_WRITER_ID: id, AUDIT_WRITER_COUNT: String(count) },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => (stdout += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('close', (code) => reject(new Error(`writer ${id} exited (${code}) before ready: ${stderr}`)));
  });
  void go.then(() => child.stdin.write('go\n'));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  void done.then((code) => code !== 0 && console.error(`writer ${id}: ${stderr}`));
  return { ready, done, stdout: () => stdout };
}

const flush = () => flushAuditSequencer({ client, connectionString: url });
const chainedBy = (w: { stdout: () => string }) => Number(/chained=(\d+)/.exec(w.stdout())?.[1] ?? 'NaN');

beforeAll(async () => {
  await scratch.create();
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  // Durability of each commit is not what this file tests; waiting for WAL flushes on a busy CI disk
  // would only slow the 10,000 serialized appends. Locking semantics are unchanged by this setting.
  await sql.query(`ALTER DATABASE ${pg.escapeIdentifier(new URL(url).pathname.slice(1))} SET synchronous_commit = off`);
  client = createPrismaClient(url);
}, 60_000);

afterAll(async () => {
  setAuditKeyProvider(undefined);
  await client?.$disconnect();
  await sql?.end();
  await scratch.drop();
});

describe('audit chain', () => {
  it('10 writer processes appending 1,000 entries each leave one unbroken chain 1..10000', async () => {
    let release!: () => void;
    const go = new Promise<void>((resolve) => (release = resolve));
    const writers = Array.from({ length: 10 }, (_, i) => startWriter(`w${i}`, 1000, go));
    await Promise.all(writers.map((w) => w.ready));
    release();
    expect(await Promise.all(writers.map((w) => w.done))).toEqual(Array(10).fill(0));
    // The writers' own sequencers chained what they could before exiting; the rest is chained here.
    const chainedByWriters = writers.reduce((n, w) => n + chainedBy(w), 0);
    expect(chainedByWriters).toBeGreaterThan(0);
    await flush();
    expect(await client.auditJournal.count()).toBe(0);

    const { rows } = await sql.query<{ sequence: string; actorId: string; prevHash: string; entryHash: string }>(
      'SELECT e."sequence"::text AS "sequence", e."actorId", e."prevHash", e."entryHash" FROM "AuditEntry" e ORDER BY e."sequence"',
    );
    expect(rows).toHaveLength(10_000);
    expect(rows[0]!.sequence).toBe('1');
    expect(rows.at(-1)!.sequence).toBe('10000');
    rows.forEach((row, i) => {
      expect(row.sequence).toBe(String(i + 1));
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.entryHash);
    });
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(10_000); // no two entries extend the same head
    const perWriter = new Map<string, number>();
    for (const r of rows) perWriter.set(r.actorId, (perWriter.get(r.actorId) ?? 0) + 1);
    expect([...perWriter.values()]).toEqual(Array(10).fill(1000));
    // The writers really ran at the same time: ownership of the chain head changed hands constantly.
    const handovers = rows.filter((r, i) => i > 0 && r.actorId !== rows[i - 1]!.actorId).length;
    expect(handovers).toBeGreaterThan(100);

    const verified = await verifyAuditChain({ client });
    expect(verified).toMatchObject({
      ok: true,
      entries: 10_000,
      lastSequence: '10000',
      tableFault: null,
      pending: { entries: 0, fault: null },
    });
  }, 240_000);

  it('a sequencer whose connection dies is replaced by a standby; no entry is lost or chained twice', async () => {
    const before = await client.auditEntry.count();
    const a = startAuditSequencer({ connectionString: url, standbyMs: 50, idleMs: 10 });
    await expect.poll(() => a.isLeader(), { timeout: 10_000 }).toBe(true);
    const b = startAuditSequencer({ connectionString: url, standbyMs: 50, idleMs: 10 });
    try {
      const write = (n: number, from: number) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            journalAuditEntry(
              {
                actorType: 'system',
                actorId: 'takeover',
                action: 'test.takeover',
                subjectType: 'system',
                subjectId: 't',
                details: { i: from + i },
              },
              client,
            ),
          ),
        );
      await write(200, 0);
      // Kill the leader's session as a crash or network cut would: its lock and any open batch go with it.
      // Only in this test's database: other test files' sequencers hold the same lock in theirs.
      await sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND objid = 727003 AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await write(200, 200);
      await expect.poll(() => b.isLeader(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => client.auditJournal.count(), { timeout: 20_000 }).toBe(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const rows = await client.auditEntry.findMany({ where: { action: 'test.takeover' }, select: { details: true } });
    expect(rows.map((r) => (r.details as { i: number }).i).sort((x, y) => x - y)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(await client.auditEntry.count()).toBe(before + 400);
    expect(await verifyAuditChain({ client })).toMatchObject({ ok: true, tableFault: null });
  }, 60_000);

  it('refuses UPDATE and TRUNCATE on the journal, and DELETE of an entry not chained yet', async () => {
    const entry = await journalAuditEntry(
      { actorType: 'system', actorId: 't', action: 'test.pending', subjectType: 'system', subjectId: 't' },
      client,
    );
    await expect(sql.query(`UPDATE "AuditJournal" SET "action" = 'tampered'`)).rejects.toThrow(/AuditJournal is append-only/);
    await expect(sql.query(`DELETE FROM "AuditJournal" WHERE "id" = $1`, [entry.journalId])).rejects.toThrow(/leave only once chained/);
    await expect(sql.query(`TRUNCATE "AuditJournal"`)).rejects.toThrow(/AuditJournal is append-only/);
    const pending = await verifyAuditChain({ client });
    expect(pending).toMatchObject({ ok: true, pending: { entries: 1, oldestOccurredAt: entry.occurredAt, fault: null } });
    await flush();
    expect(await client.auditEntry.findUnique({ where: { journalId: entry.journalId }, select: { action: true } })).toEqual({
      action: 'test.pending',
    });
  });

  it('reports a forged journal entry and never chains it', async () => {
    const entry = await journalAuditEntry(
      { actorType: 'system', actorId: 't', action: 'test.forged', subjectType: 'system', subjectId: 't' },
      client,
    );
    await sql.query('ALTER TABLE "AuditJournal" DISABLE TRIGGER "AuditJournal_append_only"');
    try {
      await sql.query(`UPDATE "AuditJournal" SET "actorId" = 'someone-else' WHERE "id" = $1`, [entry.journalId]);
    } finally {
      await sql.query('ALTER TABLE "AuditJournal" ENABLE TRIGGER "AuditJournal_append_only"');
    }
    const verified = await verifyAuditChain({ client });
    expect(verified.ok).toBe(false);
    expect(verified.pending.fault).toEqual({ journalId: entry.journalId, message: expect.stringContaining('contentHash does not match') });
    await expect(flush()).rejects.toThrow(/fail verification and stay unchained/);
    expect(await client.auditEntry.count({ where: { action: 'test.forged' } })).toBe(0);
    // Clean up so later tests see an empty journal (only possible with the trigger off).
    await sql.query('ALTER TABLE "AuditJournal" DISABLE TRIGGER "AuditJournal_release_chained"');
    try {
      await sql.query('DELETE FROM "AuditJournal" WHERE "id" = $1', [entry.journalId]);
    } finally {
      await sql.query('ALTER TABLE "AuditJournal" ENABLE TRIGGER "AuditJournal_release_chained"');
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on "AuditEntry" at the database', async () => {
    await expect(sql.query(`UPDATE "AuditEntry" SET "details" = '{"tampered":true}' WHERE "sequence" = 5`)).rejects.toThrow(
      /AuditEntry is append-only/,
    );
    await expect(sql.query(`DELETE FROM "AuditEntry" WHERE "sequence" = 10000`)).rejects.toThrow(/AuditEntry is append-only/);
    await expect(sql.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/AuditEntry is append-only/);
    await expect(client.auditEntry.update({ where: { sequence: 5n }, data: { action: 'x' } })).rejects.toThrow(/append-only/);
    const { rows } = await sql.query<{ n: number; head: string }>(
      'SELECT count(*)::int AS n, max("sequence")::text AS head FROM "AuditEntry"',
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(10_000);
    expect(rows[0]!.head).toBe(String(rows[0]!.n));
    await expect(sql.query(`UPDATE "AuditEntry" SET "journalId" = gen_random_uuid() WHERE "sequence" = 5`)).rejects.toThrow(
      /AuditEntry is append-only/,
    );
  });

  it('rolls the entry back with the caller’s transaction', async () => {
    await expect(
      client.$transaction(async (tx) => {
        await journalAuditEntry({ actorType: 'system', actorId: 't', action: 'test.rollback', subjectType: 'system', subjectId: 't' }, tx);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    await flush();
    expect(await client.auditEntry.count({ where: { action: 'test.rollback' } })).toBe(0);
    expect(await client.auditJournal.count({ where: { action: 'test.rollback' } })).toBe(0);
  });

  it('rotates keys: old entries keep verifying, a verifier without the old key names it', async () => {
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const keys = new Map([...envKeys, ['rot-k1', Buffer.from(k1, 'base64')], ['rot-k2', Buffer.from(k2, 'base64')]]);
    const append = (n: number) =>
      client.$transaction(async (tx) => {
        for (let i = 0; i < n; i++)
          await journalAuditEntry(
            {
              actorType: 'system',
              actorId: 'rotation',
              action: 'test.rotation',
              subjectType: 'system',
              subjectId: 'rotation',
              details: { i },
            },
            tx,
          );
      });
    // The sequencer signs chained entries with its active key: flush while each key is the active one.
    setAuditKeyProvider(new LocalKeyProvider(keys, 'rot-k1'));
    await append(3);
    await flush();
    setAuditKeyProvider(new LocalKeyProvider(keys, 'rot-k2'));
    await append(3);
    await flush();
    const signed = await client.auditEntry.findMany({
      where: { action: 'test.rotation' },
      orderBy: { sequence: 'asc' },
      select: { keyId: true, sequence: true },
    });
    expect(signed.map((e) => e.keyId)).toEqual(['rot-k1', 'rot-k1', 'rot-k1', 'rot-k2', 'rot-k2', 'rot-k2']);

    expect(await verifyAuditChain({ client, provider: new LocalKeyProvider(keys, 'rot-k2') })).toMatchObject({
      ok: true,
      tableFault: null,
    });
    const withoutK1 = new LocalKeyProvider(new Map([...keys].filter(([id]) => id !== 'rot-k1')), 'rot-k2');
    const missing = await verifyAuditChain({ client, provider: withoutK1 });
    expect(missing.ok).toBe(false);
    expect(missing.tableFault).toMatchObject({
      code: 'unknown_key',
      sequence: signed[0]!.sequence.toString(),
      message: expect.stringContaining('"rot-k1"'),
    });

    // An export across the HMAC rotation still verifies outside with the public signing keys alone:
    // the per-entry HMAC is internal and plays no part in it.
    const dir = await mkdtemp(path.join(tmpdir(), 'cv-audit-rotation-'));
    try {
      const file = path.join(dir, 'rotation.jsonl');
      const keysFile = path.join(dir, 'keys.json');
      await writeFile(keysFile, JSON.stringify({ keys: await signingProvider().publishedKeys() }));
      const scope = { from: new Date(Date.now() - 60_000).toISOString() };
      await exportAuditBundle({
        exportId: 'rotation',
        scope,
        resolved: await resolveAuditScope(scope, client),
        createdBy: { id: 'test' },
        write: bundleFileWriter(file),
        client,
      });
      const ok = await runTsx('scripts/audit/verify-bundle.ts', ['--keys', keysFile, file]);
      expect(ok.stdout).toContain('VALID');
      expect(ok.stdout).toMatch(/per-entry HMAC signatures are internal and were not checked/);
      expect(ok.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
