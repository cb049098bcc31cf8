// Shared by the audit integration tests: throwaway databases (so tampering and exact sequence
// assertions never touch the shared test database) and running the project's CLIs as CI would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type TRun = { code: number | null; stdout: string; stderr: string };

/** Runs `node ...args` and collects its output; `env` replaces the environment entirely. */
export function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<TRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `node --import tsx <script> ...args` from the repo root and collects its output. */
export function runTsx(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<TRun> {
  return runNode(['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

/** <shared test db minus "_test">_<name>_test on the same server, e.g. callvault_audit_seal_test. */
export function throwawayDatabaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/callvault_test');
  const base = decodeURIComponent(url.pathname.slice(1)).replace(/_test$/, '');
  url.pathname = `/${base}_${name}_test`;
  return url.toString();
}

/** Drops, recreates and migrates the database (scripts/db/migrate.ts reset, as CI does). */
export async function resetThrowawayDatabase(url: string): Promise<void> {
  const run = await runTsx('scripts/db/migrate.ts', ['reset'], { DATABASE_URL: url });
  if (run.code !== 0) throw new Error(`migrate reset failed (${run.code}): ${run.stderr || run.stdout}`);
}

export async function dropThrowawayDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
