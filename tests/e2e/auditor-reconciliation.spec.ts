// An auditor reads the reconciliation history and drills into a report's findings; an officer may not.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { expect, signIn, test } from './fixtures';

async function seedReport(): Promise<{ id: string; day: string; missingId: string }> {
  const id = randomUUID();
  const missingId = `e2e-missing-${id.slice(0, 8)}`;
  const day = '2026-03-14';
  await db().reconciliationReport.create({
    data: {
      id, vendorAccountId: `e2e-acct-${id.slice(0, 8)}`, vendorSource: 'GENESYS_CLOUD', day,
      listedCount: 3, matchedCount: 2, quarantinedCount: 0, missingCount: 1, redrivenCount: 1, pendingCount: 0, extraCount: 0, mismatchCount: 0,
      findings: [{ kind: 'missing', vendorRecordingId: missingId, interactionId: 'conv-1', archiveStatus: null, detail: 'never delivered; archive job queued', redriven: true }],
      bucket: 'cv-audit-us', key: `reconciliation/e2e/${day}/${id}.json`, versionId: 'v1', sha256: 'a'.repeat(64), signature: 'b'.repeat(64), keyId: 'k1',
      startedAt: new Date(), completedAt: new Date(),
    },
  });
  return { id, day, missingId };
}

test('auditor: reconciliation history and a report drill-down; officer refused', async ({ page, signInAs, browser, users }) => {
  const report = await seedReport();
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
