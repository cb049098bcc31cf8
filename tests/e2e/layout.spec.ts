// Every console page, with real data, at a phone (390×844) and a desktop (1440×900) width: nothing makes the
// page wider than the viewport, and axe-core finds no serious or critical WCAG 2.1 A/AA violation. The admin
// sees every console page, so one admin session (signed in once) visits them all; the sign-in page is checked
// signed out.
import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { archiveRecording } from './support/archive-recording';
import { horizontalOverflow, seriousViolations } from './support/page-checks';
import { seedReconciliationReport } from './support/seed-reconciliation-report';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

type TSamples = {
  recordingId: string;
  auditKey: string;
  agentName: string;
  caseId: string;
  matterId: string;
  matterReference: string;
  report: { id: string; missingId: string };
};
type TPageCheck = {
  name: string;
  path: (s: TSamples) => string;
  ready: (page: Page, s: TSamples) => Locator;
  then?: (page: Page, s: TSamples) => Promise<void>;
};

const PAGES: TPageCheck[] = [
  { name: 'dashboard', path: () => '/', ready: (p) => p.getByRole('img', { name: 'Recordings archived per day' }) },
  {
    name: 'archive search',
    path: (s) => `/recordings?agent=${encodeURIComponent(s.agentName)}`,
    ready: (p) => p.getByTestId('recording-row'),
  },
  {
    name: 'recording detail with the player',
    path: (s) => `/recordings/${s.recordingId}`,
    ready: (p) => p.getByTestId('audit-history'),
    then: async (p) => {
      await p.getByLabel('Reason for listening (recorded in the audit trail)').fill('Layout and accessibility check of the player');
      await p.getByRole('button', { name: 'Request playback' }).click();
      await expect(p.getByTestId('player')).toBeVisible();
    },
  },
  { name: 'quarantine queue', path: () => '/quarantine', ready: (p, s) => p.locator(`[data-case-id="${s.caseId}"]`) },
  { name: 'quarantine case', path: (s) => `/quarantine/${s.caseId}`, ready: (p) => p.getByTestId('case-summary') },
  { name: 'matters', path: () => '/matters', ready: (p, s) => p.getByTestId('matters').getByText(s.matterReference) },
  { name: 'matter', path: (s) => `/matters/${s.matterId}`, ready: (p) => p.getByTestId('matter-recordings').getByRole('row').nth(1) },
  { name: 'reconciliation', path: () => '/reconciliation', ready: (p) => p.getByTestId('reconciliation-reports') },
  {
    name: 'reconciliation report',
    path: (s) => `/reconciliation/${s.report.id}`,
    ready: (p, s) => p.getByTestId('reconciliation-findings').getByText(s.report.missingId),
  },
  {
    name: 'audit',
    path: () => '/audit',
    ready: (p) => p.getByRole('heading', { name: 'Export history' }),
    then: async (p, s) => {
      await p.getByLabel('Subject id').fill(s.auditKey);
      await p.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(p.getByTestId('audit-log-results').getByTestId('audit-entry').first()).toBeVisible();
    },
  },
  { name: 'audit keys', path: () => '/audit/keys', ready: (p) => p.getByTestId('signing-keys') },
  { name: 'operations', path: () => '/operations', ready: (p) => p.getByTestId('health') },
  { name: 'users', path: () => '/admin/users', ready: (p) => p.getByTestId('user-row').first() },
];

async function checkPage(page: Page, what: string) {
  const overflow = await horizontalOverflow(page);
  expect
    .soft(
      overflow,
      `${what}: page ${overflow?.scrollWidth} px wide in a ${overflow?.innerWidth} px viewport; widened by ${overflow?.culprits.join(' | ')}`,
    )
    .toBeNull();
  expect.soft(await seriousViolations(page), `${what}: axe violations`).toEqual([]);
}

test('sign-in page', async ({ page }) => {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto('/signin');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await checkPage(page, `sign-in at ${viewport.width} px`);
  }
});

test.describe('console pages (admin)', () => {
  let admin: Page;
  let samples: TSamples;

  test.beforeAll(async ({ browser, simulators, users }) => {
    test.setTimeout(120_000);
    const [rec, bad, report] = await Promise.all([
      archiveRecording(simulators),
      archiveRecording(simulators, { truncated: true, seconds: 3, vendorSeconds: 9 }),
      seedReconciliationReport(),
    ]);
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    admin = await context.newPage();
    await signIn(admin, users.ADMIN);
    const matterReference = `LAYOUT-${rec.id.slice(0, 8)}`;
    const created = await admin.request.post('/api/matters', {
      data: { reference: matterReference, name: 'Layout check: a matter with recordings', description: 'Two recordings, one quarantined.' },
    });
    expect(created.status()).toBe(201);
    const matterId = ((await created.json()) as { id: string }).id;
    const added = await admin.request.post(`/api/matters/${matterId}/recordings`, { data: { recordingIds: [rec.id, bad.id] } });
    expect(added.status()).toBe(201);
    samples = {
      recordingId: rec.id,
      auditKey: rec.auditKey,
      agentName: rec.agentName,
      caseId: bad.caseId!,
      matterId,
      matterReference,
      report,
    };
  });

  test.afterAll(async () => {
    await admin?.context().close();
  });

  for (const check of PAGES) {
    test(check.name, async () => {
      for (const viewport of VIEWPORTS) {
        await admin.setViewportSize(viewport);
        await admin.goto(check.path(samples));
        await expect(check.ready(admin, samples)).toBeVisible();
        await check.then?.(admin, samples);
        await checkPage(admin, `${check.name} at ${viewport.width} px`);
      }
    });
  }
});
