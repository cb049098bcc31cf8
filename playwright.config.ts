import { defineConfig } from '@playwright/test';
import { e2eVendorAccountsJson } from './tests/e2e/support/e2e-vendors';

const port = Number(process.env.E2E_PORT ?? 3100);
// The vendor simulators the tests start (tests/e2e/support/e2e-simulators.ts) on ports next to the console's.
const VENDOR_ACCOUNTS = JSON.stringify(e2eVendorAccountsJson(port));
const env = { ...(process.env as Record<string, string>), VENDOR_ACCOUNTS };
// The archive pipeline, audit exports and evidence packages run in a worker process, as in production; maintenance (schedules,
// sweeps, sealing) does not, so a run is not disturbed by timers.
const WORKER_QUEUES = ['archive-genesys-cloud', 'archive-nice-cxone', 'interaction-resolve', 'audit-export', 'evidence-package'].join(',');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // The console must be usable on a 1366×768 laptop.
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  webServer: [
    {
      // Started directly (not through npx) so stopping it stops next-server too.
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
      env,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node --import tsx workers/index.ts',
      url: `http://127.0.0.1:${port + 1}/metrics`,
      env: { ...env, WORKER_QUEUES, WORKER_METRICS_PORT: String(port + 1) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
