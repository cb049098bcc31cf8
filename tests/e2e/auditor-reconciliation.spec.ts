// An auditor reads the reconciliation history and drills into a report's findings; an officer may not.
import { randomUUID } from 'node:crypto';
import { expect, signIn, test } from './fixtures';
import { seedReconciliationReport } from './support/seed-reconciliation-report';

test('auditor: reconciliation history and a report drill-down; officer refused', async ({ page, signInAs, browser, users }) => {
  const report = await seedReconciliationReport();
  await signInAs('AUDITOR');
  await page.goto('/reconciliation');
  await expect(page.getByRole('heading', { name: 'Reconciliation' })).toBeVisible();
  await page.getByTestId('reconciliation-reports').getByRole('link', { name: report.day }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reconciliation/${report.id}$`));
  await expect(page.getByTestId('reconciliation-findings')).toContainText(report.missingId);
  await expect(page.getByTestId('reconciliation-findings')).toContainText('Missing (never delivered)');
  const api = await page.request.get(`/api/reconciliation/${report.id}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).counts).toMatchObject({ listed: 3, missing: 1, redriven: 1 });
  expect((await page.request.get(`/api/reconciliation/${randomUUID()}`)).status()).toBe(404);

  // The officer signs in in a separate browser context so the auditor's session stays untouched.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const officer = await context.newPage();
    await signIn(officer, users.OFFICER);
    expect((await officer.request.get('/api/reconciliation')).status()).toBe(403);
  } finally {
    await context.close();
  }
});
