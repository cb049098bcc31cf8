// A database of a test's (or benchmark's) own on the server of DATABASE_URL, for work that must not touch
// the shared test database: tampering, exact sequence numbers, whole-table reads, bulk loads. Named after the
// shared database (<its name minus "_test">_<name>_test, e.g. callvault_slot4_audit_seal_test), so parallel
// checkouts never collide, and ending in _test, so the migration CLI agrees to reset it.
import { dropDatabase } from '@/scripts/db/pg-admin';
import { runTsx } from './run-node';

export type TThrowawayDatabase = {
  url: string;
  /** Drops, recreates and migrates the database (`scripts/db/migrate.ts reset`, as CI does). */
  create(): Promise<void>;
  /** Drops the database, ending any session still open on it. */
  drop(): Promise<void>;
};

export function throwawayDatabase(name: string): TThrowawayDatabase {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/callvault_test');
  const base = decodeURIComponent(url.pathname.slice(1)).replace(/_test$/, '');
  url.pathname = `/${base}_${name}_test`;
  const href = url.toString();
  return {
    url: href,
    async create() {
      const run = await runTsx('scripts/db/migrate.ts', ['reset'], { DATABASE_URL: href });
      if (run.code !== 0) throw new Error(`migrate reset failed (${run.code}): ${run.stderr || run.stdout}`);
    },
    drop: () => dropDatabase(href),
  };
}
