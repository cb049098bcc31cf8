// Prisma migrations without the native schema engine (unreachable offline): the same engine
// compiled to WASM, talking to PostgreSQL through @prisma/adapter-pg.
//
//   node --import tsx scripts/db/migrate.ts deploy        apply pending migrations (creates the db)
//   node --import tsx scripts/db/migrate.ts check         exit 1 if schema.prisma and migrations differ
//   node --import tsx scripts/db/migrate.ts dev <name>    write the next migration (not applied)
//   node --import tsx scripts/db/migrate.ts reset [--force]  drop + recreate + deploy (*_test / *_test_<slot> dbs only)
//
// Env: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/callvault),
//      PRISMA_SCHEMA / PRISMA_MIGRATIONS_DIR (paths relative to the repo root), MIGRATE_DEBUG=1.
import path from 'node:path';
import type { DiffResult, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { databaseName, dropDatabase, ensureDatabase, redact, withDatabase } from './pg-admin';
import {
  LOCKFILE_CONTENT,
  migrationDirName,
  migrationsDir,
  readMigrations,
  readSchemaFiles,
  schemaPath,
  writeMigration,
} from './project-files';
import { engineErrorMessage, withEngine } from './schema-engine';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/callvault';
const databaseUrl = process.env.DATABASE_URL || DEFAULT_URL;
// Nothing in prisma.config.ts is declared external; same default as the CLI.
const filters: SchemaFilter = { externalTables: [], externalEnums: [] };
const rel = (p: string) => path.relative(process.cwd(), p) || '.';

async function deploy(): Promise<void> {
  if (await ensureDatabase(databaseUrl)) console.log(`Created database "${databaseName(databaseUrl)}"`);
  const migrationsList = await readMigrations();
  const count = migrationsList.migrationDirectories.length;
  console.log(`${count} migration${count === 1 ? '' : 's'} found in ${rel(migrationsDir)} (target ${redact(databaseUrl)})`);
  const { appliedMigrationNames } = await withEngine(databaseUrl, await readSchemaFiles(), (engine) =>
    engine.applyMigrations({ migrationsList, filters }),
  );
  if (appliedMigrationNames.length === 0) return console.log('No pending migrations to apply.');
  console.log(`Applied ${appliedMigrationNames.length} migration(s):`);
  for (const name of appliedMigrationNames) console.log(`  ${name}`);
}

/**
 * SQL that takes a database built from the migrations to the state schema.prisma describes.
 * The migrations are replayed into a shadow database of our own; the engine's main connection
 * points at the `postgres` maintenance database, so the target database is never read or written
 * (and need not exist, e.g. in CI).
 */
async function diffMigrationsToSchema(): Promise<DiffResult> {
  const files = await readSchemaFiles();
  const migrationsList = await readMigrations();
  // Before the first migration there is no lockfile, and the engine refuses a `migrations` source
  // without one. Supplying it (rather than diffing from `empty`) keeps the init migration identical
  // to what `prisma migrate dev` writes: diffed against a real, empty shadow database.
  if (migrationsList.migrationDirectories.length === 0) migrationsList.lockfile.content ??= LOCKFILE_CONTENT;
  return withEngine(withDatabase(databaseUrl, 'postgres'), files, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true, // engine answers 2 when the diff is non-empty
      filters,
    }),
  );
}

async function check(): Promise<void> {
  const diff = await diffMigrationsToSchema();
  if (diff.exitCode === 0) return console.log('schema and migrations agree');
  console.error(`Drift: ${rel(schemaPath)} and the migrations in ${rel(migrationsDir)} disagree.`);
  console.error('SQL the migrations are missing (create it with `migrate.ts dev <name>`):\n');
  console.error(diff.stdout ?? '(engine returned no script)');
  process.exitCode = 1;
}

async function dev(name: string | undefined): Promise<void> {
  if (!name) throw new Error('Usage: migrate.ts dev <name>');
  const dirName = migrationDirName(name); // validate before the (slow) diff
  const diff = await diffMigrationsToSchema();
  if (diff.exitCode === 0) return console.log('No schema changes: migrations already match schema.prisma; nothing created.');
  const dir = await writeMigration(dirName, diff.stdout ?? '');
  console.log(`Created ${rel(path.join(dir, 'migration.sql'))} (not applied; run \`migrate.ts deploy\`).`);
}

async function reset(force: boolean): Promise<void> {
  const name = databaseName(databaseUrl);
  // Guard against wiping a real archive: only throwaway test databases unless forced.
  // Parallel test slots use <name>_test_<slot>.
  if (!/_test(_\d+)?$/.test(name) && !force) {
    throw new Error(`Refusing to reset "${name}": name does not end with _test or _test_<slot> (pass --force to override).`);
  }
  await dropDatabase(databaseUrl);
  console.log(`Dropped database "${name}"`);
  await deploy();
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'deploy':
      return deploy();
    case 'check':
      return check();
    case 'dev':
      return dev(args.find((a) => !a.startsWith('--')));
    case 'reset':
      return reset(args.includes('--force'));
    default:
      throw new Error('Usage: migrate.ts deploy | check | dev <name> | reset [--force]');
  }
}

main(process.argv.slice(2))
  .catch((err: unknown) => {
    console.error(`migrate: ${engineErrorMessage(err)}`);
    process.exitCode = 1;
  })
  // The WASM engine arms 10 s timers it never clears (it imports setTimeout but no clearTimeout),
  // which would hold the process open after the work is done. Exit explicitly instead of
  // unref'ing them: an unref'd timer the engine is really waiting on would let Node exit 0 early.
  .finally(() => process.exit());
