// The auditor's desk and the home dashboard: an auditor searches the audit log by action and time range,
// reads each entry as a sentence (raw details on request), sees the export history with a failure reason,
// and the home page counts what was archived today.
import { db } from '@/lib/db';
import { expect, test } from './fixtures';

const local = (d: Date) => d.toISOString().slice(0, 16);

test('auditor searches the audit log, reads entries, sees export history; the dashboard counts', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const rec = await makeRecording();
  const auditor = await signInAs('AUDITOR');
  await db().auditExport.create({
    data: { requestedById: auditor.id, scope: {}, status: 'failed', error: 'e2e: storage unavailable' },
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Archive health' })).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('archived-today').innerText())).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('img', { name: 'Recordings archived per day' })).toBeVisible();

  await page.goto('/audit');
  await page.getByLabel('Action').selectOption('archive.stored');
  await page.getByLabel('Subject id').fill(rec.auditKey);
  await page.getByLabel('From (UTC)').fill(local(new Date(Date.now() - 3600_000)));
  await page.getByLabel('To (UTC, exclusive)').fill(local(new Date(Date.now() + 3600_000)));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByTestId('audit-log-results');
  await expect(results.getByTestId('audit-entry')).toHaveCount(1);
  await expect(results).toContainText('Stored under Object Lock until');
  await expect(results).toContainText('archive.stored');
  await results.getByText('Raw details').click();
  await expect(results.locator('pre')).toContainText(rec.auditKey);

  const history = page.getByTestId('export-history');
  await expect(history).toContainText('e2e: storage unavailable');
  await expect(history.locator('tr', { hasText: 'e2e: storage unavailable' })).toContainText('failed');
});
