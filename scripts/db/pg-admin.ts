// Database-level housekeeping the schema engine does not do for us through a driver adapter:
// creating/dropping whole databases. These statements cannot run inside the target database
// itself, so they go through the `postgres` maintenance database.
import pg from 'pg';

/** Name of the database a connection URL points at. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL has no database name: ${redact(url)}`);
  return name;
}

/** Same server, user and options, other database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** URL without the password, safe to print. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Run `fn` with a short-lived client on the maintenance database of the server `url` points at. */
async function withMaintenanceClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return withMaintenanceClient(url, async (c) => {
    const res = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
    return res.rowCount === 1;
  });
}

/** CREATE DATABASE unless it exists; returns true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  await withMaintenanceClient(url, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName(url))}`));
  return true;
}

/** DROP DATABASE ... WITH (FORCE): also terminates sessions a crashed run may have left open. */
export async function dropDatabase(url: string): Promise<void> {
  await withMaintenanceClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName(url))} WITH (FORCE)`));
}
