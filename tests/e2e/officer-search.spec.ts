// An officer finds a call by a customer number typed the way people write it, switches their time zone
// and sees every time move with its offset, saves the search and re-applies it, and exports it as CSV.
import { readFile } from 'node:fs/promises';
import { db } from '@/lib/db';
import { expect, test } from './fixtures';

test('officer searches by "(555) …", switches time zone, saves, re-applies and exports the search', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const rec = await makeRecording({ seconds: 4, startTime: new Date(Date.UTC(2026, 3, 10, 12, 30, 0)) });
  const officer = await signInAs('OFFICER');
  const me = await db().user.findUniqueOrThrow({ where: { email: officer.email } });
  await db().user.update({ where: { id: me.id }, data: { timeZone: 'UTC' } });
  await db().savedSearch.deleteMany({ where: { ownerId: me.id } });
  try {
    const digits = rec.customerNumber.slice(2); // "+1" + ten digits
    const typed = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    await page.goto('/recordings');
    await page.getByLabel('Customer number').fill(typed);
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('recording-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(rec.vendorRecordingId);
    await expect(rows.first()).toContainText('2026-04-10 12:30 (UTC+00:00)');
    await expect(page.getByTestId('result-total')).toContainText('1 recording matches');

    await page.getByRole('button', { name: 'Preferences' }).click();
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(rows.first()).toContainText('2026-04-10 14:30 (UTC+02:00)');
    await expect(page.getByLabel('From (Europe/Berlin)')).toBeVisible();

    await page.getByLabel('Save these filters as').fill('Complaint caller');
    await page.getByRole('button', { name: 'Save filters' }).click();
    await expect(page.getByLabel('Saved searches').locator('option', { hasText: 'Complaint caller' })).toHaveCount(1);
    await page.goto('/recordings?sort=duration_asc');
    await page.getByLabel('Saved searches').selectOption({ label: 'Complaint caller' });
    await expect(page).toHaveURL(/customer=/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(rec.vendorRecordingId);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^archiveId,vendor,vendorRecordingId,startTime/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(rec.vendorRecordingId);
    expect(lines[1]).toContain(rec.customerNumber);
  } finally {
    await db().user.update({ where: { id: me.id }, data: { timeZone: 'UTC' } });
  }
});
