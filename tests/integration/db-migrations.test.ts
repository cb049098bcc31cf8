// Migrations end to end through scripts/db/migrate.ts (the WASM schema engine), on a throwaway
// database: they apply, re-applying is a no-op, the audit trail is append-only at the database
// level, and `check` catches a schema.prisma the migrations do not implement.
// Needs the PostgreSQL server of DATABASE_URL (default 127.0.0.1:5432, user postgres).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTsx } from '@/tests/support/run-node';
import { throwawayDatabase } from '@/tests/support/throwaway-database';

// Creating it is what is under test here, so the migration CLI is called directly rather than through create().
const scratch = throwawayDatabase('migrations');
const TEST_DB_URL = scratch.url;

const migrate = (args: string[], env: Record<string, string> = {}) =>
  runTsx('scripts/db/migrate.ts', args, { DATABASE_URL: TEST_DB_URL, ...env });

describe('database migrations (scripts/db/migrate.ts)', () => {
  const db = new pg.Client({ connectionString: TEST_DB_URL });
  let tmp = '';

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'callvault-migrations-'));
    const reset = await migrate(['reset']);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/_audit_append_only/);
    await db.connect();
  }, 30_000);

  afterAll(async () => {
    await db.end().catch(() => undefined);
    await scratch.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }, 30_000);

  it('is a no-op when deployed again', async () => {
    const again = await migrate(['deploy']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No pending migrations to apply.');
  });

  it('refuses UPDATE and DELETE on AuditEntry at the database', async () => {
    await db.query(
      `INSERT INTO "AuditEntry" ("sequence", "occurredAt", "actorType", "actorId", "action", "subjectType",
         "subjectId", "details", "prevHash", "entryHash", "signature", "keyId")
       VALUES (1, now(), 'system', 'test', 'test.insert', 'Test', '1', '{}', '', 'hash-1', 'sig', 'key-1')`,
    );
    await expect(db.query(`UPDATE "AuditEntry" SET "action" = 'tampered'`)).rejects.toThrow('AuditEntry is append-only');
    await expect(db.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow('AuditEntry is append-only');
    const { rows } = await db.query(`SELECT "action" FROM "AuditEntry"`);
    expect(rows).toEqual([{ action: 'test.insert' }]);
  });

  it('check agrees for the committed schema and fails for a modified copy', async () => {
    const clean = await migrate(['check']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('schema and migrations agree');

    const schema = await readFile(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');
    const modified = schema.replace(/^model AuditEntry \{$/m, 'model AuditEntry {\n  reviewedBy  String?');
    expect(modified).not.toBe(schema);
    const modifiedPath = path.join(tmp, 'schema.prisma');
    await writeFile(modifiedPath, modified);

    const drift = await migrate(['check'], { PRISMA_SCHEMA: modifiedPath });
    expect(drift.code).not.toBe(0);
    expect(drift.stderr).toContain('ALTER TABLE "AuditEntry" ADD COLUMN');
  }, 20_000);
});
