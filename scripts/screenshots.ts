// Screenshots of every console page at a desktop (1440×900) and a phone (390×844) width, as PNGs at device scale 1:
// docs/screenshots/<page>-<width>.png. The pages that show one thing (a recording, a quarantine case, a matter, a
// reconciliation report) show the newest one the console lists — a matter with the most recordings — so the console
// should hold realistic data: the demo (`npm run dev`, whose simulators deliver calls within a minute) or a test slot
// after its end-to-end run.
//
//   node --import tsx scripts/screenshots.ts [--base-url http://127.0.0.1:3000] [--out docs/screenshots]
//                                            [--admin-email admin@callvault.local]
//
// The console at --base-url is reused when /api/health answers there; otherwise `npm run dev` (scripts/run.sh) is
// started on that port and stopped when the screenshots are written. Every console page is taken signed in as the
// admin (the role that sees them all; password from SCREENSHOT_PASSWORD, else SEED_PASSWORD as `npm run dev` writes
// it to .env), the sign-in page signed out. Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium), as the
// end-to-end tests use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

type TSamples = { recording?: string; quarantineCase?: string; matter?: string; report?: string };
type TShot = { name: string; path: (s: TSamples) => string | null };

const SHOTS: TShot[] = [
  { name: 'dashboard', path: () => '/' },
  { name: 'recordings', path: () => '/recordings' },
  { name: 'recording', path: (s) => (s.recording ? `/recordings/${s.recording}` : null) },
  { name: 'quarantine', path: () => '/quarantine' },
  { name: 'quarantine-case', path: (s) => (s.quarantineCase ? `/quarantine/${s.quarantineCase}` : null) },
  { name: 'matters', path: () => '/matters' },
  { name: 'matter', path: (s) => (s.matter ? `/matters/${s.matter}` : null) },
  { name: 'reconciliation', path: () => '/reconciliation' },
  { name: 'reconciliation-report', path: (s) => (s.report ? `/reconciliation/${s.report}` : null) },
  { name: 'audit', path: () => '/audit' },
  { name: 'audit-keys', path: () => '/audit/keys' },
  { name: 'operations', path: () => '/operations' },
  { name: 'users', path: () => '/admin/users' },
];

function options() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string', default: 'http://127.0.0.1:3000' },
      out: { type: 'string', default: 'docs/screenshots' },
      'admin-email': { type: 'string', default: 'admin@callvault.local' },
    },
  });
  const password = process.env.SCREENSHOT_PASSWORD ?? process.env.SEED_PASSWORD ?? dotenvValue('SEED_PASSWORD');
  return { baseUrl: values['base-url'].replace(/\/$/, ''), out: values.out, email: values['admin-email'], password };
}

/** A value from the checkout's .env (written by `npm run dev` on its first run), without exporting the rest. */
function dotenvValue(name: string): string | undefined {
  try {
    const line = readFileSync('.env', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}=`));
    return line?.slice(name.length + 1).replace(/^'(.*)'$/, '$1');
  } catch {
    return undefined;
  }
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/** The running console at baseUrl, or `npm run dev` started on its port (it builds first: allow minutes). */
async function ensureConsole(baseUrl: string): Promise<ChildProcess | null> {
  if (await healthy(baseUrl)) return null;
  const port = new URL(baseUrl).port || '3000';
  console.log(`no console at ${baseUrl}; starting npm run dev on port ${port}`);
  const dev = spawn('bash', ['scripts/run.sh'], { env: { ...process.env, PORT: port }, stdio: 'inherit', detached: true });
  const deadline = Date.now() + 15 * 60_000;
  while (!(await healthy(baseUrl))) {
    if (dev.exitCode !== null || Date.now() > deadline) throw new Error('npm run dev did not bring the console up');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return dev;
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
  const me = await context.request.get('/api/auth/session');
  if (!((await me.json()) as { user?: unknown }).user) throw new Error(`sign-in as ${email} failed (wrong password, or throttled?)`);
}

async function listed<T>(page: Page, url: string, pick: (body: T) => string | undefined): Promise<string | undefined> {
  const res = await page.request.get(url);
  return res.ok() ? pick((await res.json()) as T) : undefined;
}

async function findSamples(page: Page): Promise<TSamples> {
  type TMatters = { matters: { id: string; recordingCount: number }[] };
  return {
    recording: await listed<{ items: { id: string }[] }>(page, '/api/recordings?status=ARCHIVED&limit=1', (b) => b.items[0]?.id),
    quarantineCase: await listed<{ items: { id: string }[] }>(page, '/api/quarantine?pageSize=10', (b) => b.items[0]?.id),
    matter: await listed<TMatters>(page, '/api/matters', (b) => b.matters.toSorted((x, y) => y.recordingCount - x.recordingCount)[0]?.id),
    report: await listed<{ reports: { id: string }[] }>(page, '/api/reconciliation?take=1', (b) => b.reports[0]?.id),
  };
}

/** Waits until the page's data has arrived: no request in flight and no "Loading…" left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByRole('status').filter({ hasText: 'Loading…' }).first().waitFor({ state: 'detached', timeout: 15_000 });
}

async function shoot(page: Page, url: string, file: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto(url);
    await settle(page);
    const png = `${file}-${viewport.width}.png`;
    await page.screenshot({ path: png });
    console.log(`wrote ${png}`);
  }
}

async function run(browser: Browser, o: ReturnType<typeof options>): Promise<void> {
  mkdirSync(o.out, { recursive: true });
  const signedOut = await browser.newContext({ baseURL: o.baseUrl, deviceScaleFactor: 1 });
  await shoot(await signedOut.newPage(), '/signin', path.join(o.out, 'signin'));
  await signedOut.close();

  if (!o.password) throw new Error('no password: set SCREENSHOT_PASSWORD (or SEED_PASSWORD, or run from a checkout whose .env has it)');
  const admin = await browser.newContext({ baseURL: o.baseUrl, deviceScaleFactor: 1 });
  await signIn(admin, o.email, o.password);
  const page = await admin.newPage();
  const samples = await findSamples(page);
  for (const shot of SHOTS) {
    const url = shot.path(samples);
    if (url === null) console.warn(`skipped ${shot.name}: the console lists none yet`);
    else await shoot(page, url, path.join(o.out, shot.name));
  }
  await admin.close();
}

async function main(): Promise<void> {
  const o = options();
  const dev = await ensureConsole(o.baseUrl);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await run(browser, o);
  } finally {
    await browser.close();
    if (dev?.pid) process.kill(-dev.pid, 'SIGINT');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
