// Starts the production build the way `npm start` and `npm run start:workers` do — `next start` on the .next
// build and `node dist/workers.mjs`, no TypeScript loader — and passes once the console answers /api/health
// with 200 and the worker process logs that it started; both are then stopped. Run by scripts/test-all.sh
// after `npm run build`, on the test configuration (E2E_PORT + 1, only the audit-export queue).
import { spawn } from 'node:child_process';

const TIMEOUT_MS = 90_000;
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const children = [];

function start(name, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = { name, child, output: '', exited: null };
  child.stdout.on('data', (chunk) => (state.output += chunk));
  child.stderr.on('data', (chunk) => (state.output += chunk));
  child.on('exit', (code, signal) => (state.exited = signal ?? code));
  children.push(state);
  return state;
}

async function poll(what, check) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const c of children)
      if (c.exited !== null) throw new Error(`${c.name} exited (${c.exited}) before ${what}:\n${c.output.slice(-2000)}`);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${what} within ${TIMEOUT_MS / 1000} s`);
}

async function stopAll() {
  await Promise.all(
    children.map((c) => (c.exited !== null ? null : new Promise((resolve) => (c.child.once('exit', resolve), c.child.kill('SIGTERM'))))),
  );
}

let failed = false;
try {
  start('console', 'node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  });
  const workers = start('workers', process.execPath, ['dist/workers.mjs'], { LOG_LEVEL: 'info', WORKER_QUEUES: 'audit-export' });
  await poll('200 from /api/health', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    return res?.status === 200;
  });
  await poll('"workers started" from dist/workers.mjs', async () => workers.output.includes('"msg":"workers started"'));
  console.log(`production build starts: console on :${port} healthy, workers started`);
} catch (err) {
  failed = true;
  console.error(`production build does not start: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
