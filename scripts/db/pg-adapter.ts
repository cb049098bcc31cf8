// The driver adapter the WASM schema engine talks to PostgreSQL through: @prisma/adapter-pg with
// the fixes it needs for migrations (see the Development notes in README.md).
// Versions are pinned exactly in package.json because two fixes below touch adapter-pg internals;
// assertPatchable() makes an upgrade that changes them fail loudly instead of misbehaving.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { databaseName, dropDatabase, ensureDatabase, withDatabase } from './pg-admin';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgResult = { fields: { dataTypeID: number }[]; rows: unknown[][] };

// prisma/orm#27403: the engine's catalog queries return `"char"` (18), `name` (19) and their
// arrays (1002, 1003); adapter-pg cannot deserialize some of them ("Column type ... could not be
// deserialized"). All four are plain strings for the engine's purposes.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const CATALOG_TEXT_ARRAY_OIDS = new Set([1002, 1003]);
// pg's typings only list scalar OIDs; text[] has a registered parser all the same.
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as never, 'text') as (s: string) => string[];

/** Rewrites catalog string types to text/text[] before adapter-pg maps column types. */
function normalizeCatalogTypes(result: PgResult): PgResult {
  result.fields.forEach((field, i) => {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT;
    if (!CATALOG_TEXT_ARRAY_OIDS.has(field.dataTypeID)) return;
    field.dataTypeID = TEXT_ARRAY;
    // pg-types has no parser for these array OIDs, so values are still '{a,b}' literals.
    for (const row of result.rows) if (typeof row[i] === 'string') row[i] = parseTextArray(row[i] as string);
  });
  return result;
}

/**
 * Every query of adapter-pg (adapter and transactions) goes through the private
 * PgQueryable.prototype.performIO(query) => pg result, and column types are derived from its
 * `fields` afterwards. We wrap that one method, once, after checking it still looks like that.
 */
const patched = new WeakSet<object>();
function patchCatalogTypes(adapter: Adapter): void {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Record<string, unknown>;
  if (patched.has(queryable)) return;
  const performIO = queryable.performIO;
  const queryRaw = String(queryable.queryRaw);
  if (typeof performIO !== 'function' || !/this\.performIO\(query\)/.test(queryRaw) || !/\.dataTypeID/.test(queryRaw)) {
    throw new Error(
      'adapter-pg internals changed (PgQueryable.performIO/queryRaw): the prisma/orm#27403 workaround in ' +
        'scripts/db/pg-adapter.ts no longer applies. Re-check it before upgrading @prisma/adapter-pg.',
    );
  }
  queryable.performIO = async function (this: unknown, query: unknown) {
    return normalizeCatalogTypes(await performIO.call(this, query));
  };
  patched.add(queryable);
}

/**
 * adapter-pg's executeScript splits the script on every ';' and runs the pieces one by one on a
 * pool. That breaks PL/pgSQL bodies ($$ ... ; ... $$) and loses atomicity. The native engine sends
 * a migration as ONE simple-protocol query (an implicit transaction); do the same.
 */
function patchExecuteScript(adapter: Adapter): void {
  const pool = adapter.underlyingDriver();
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError;
  if (!(pool instanceof pg.Pool) || typeof onError !== 'function') {
    throw new Error('adapter-pg internals changed (underlyingDriver/onError): fix scripts/db/pg-adapter.ts.');
  }
  adapter.executeScript = async (script: string) => {
    await pool.query(script).catch((e: unknown) => onError.call(adapter, e));
  };
}

/** Runs `fn` once when the adapter is disposed, whoever disposes it first (engine or us). */
function onDispose(adapter: Adapter, fn: () => Promise<void>): void {
  const dispose = adapter.dispose.bind(adapter);
  let done: Promise<void> | undefined;
  adapter.dispose = () => (done ??= dispose().then(fn));
}

/**
 * PrismaPg for the schema engine. Keeps track of every connection it hands out so the caller can
 * close them all (the engine does not always dispose them, and open pools keep Node alive), and
 * creates its own shadow databases (adapter-pg's would reuse the main database when configured
 * from a connection string, and could not drop the shadow database while its own pool is open).
 */
class MigrationPg extends PrismaPg {
  readonly open = new Set<Adapter>();

  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override async connect(): Promise<Adapter> {
    return this.track(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const shadowUrl = withDatabase(this.url, `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`);
    await ensureDatabase(shadowUrl);
    const adapter = this.track(await new PrismaPg({ connectionString: shadowUrl }).connect());
    onDispose(adapter, () => dropDatabase(shadowUrl));
    return adapter;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((a) => a.dispose()));
  }

  private track(adapter: Adapter): Adapter {
    patchCatalogTypes(adapter);
    patchExecuteScript(adapter);
    this.open.add(adapter);
    onDispose(adapter, async () => void this.open.delete(adapter));
    return adapter;
  }
}

export type EngineAdapter = { factory: object; close(): Promise<void>; database: string };

/** Adapter factory for one engine instance; `close()` ends its pools and drops its shadow databases. */
export function createEngineAdapter(url: string): EngineAdapter {
  const pgFactory = new MigrationPg(url);
  return {
    factory: bindMigrationAwareSqlAdapterFactory(pgFactory),
    close: () => pgFactory.closeAll(),
    database: databaseName(url),
  };
}
