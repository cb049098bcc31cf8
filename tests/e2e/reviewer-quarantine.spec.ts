// The quarantine work queue in the browser: a reviewer narrows the queue to their own truncation cases, reads
// each problem in words, selects several and accepts them with one note (confirmed, each audited), and sees
// the counts change; a case whose re-fetch failed stays visibly failed; j/k and Enter open a case. On the case
// page a reviewer listens and decides one case. New cases appear without a reload.
import { db } from '@/lib/db';
import { expect, test } from './fixtures';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

test('reviewer filters by reason, bulk accepts selected cases with a note and sees the counts change', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const reviewer = await signInAs('REVIEWER');
  const [a, b, failed, meta] = [
    await makeRecording({ truncated: true, seconds: 5, vendorSeconds: 12 }),
    await makeRecording({ truncated: true, seconds: 4, vendorSeconds: 10 }),
    await makeRecording({ truncated: true, seconds: 3, vendorSeconds: 9 }),
    await makeRecording({ truncated: true, seconds: 2, vendorSeconds: 8 }),
  ];
  const ids = [a, b, failed, meta].map((r) => r.caseId!);
  await db().quarantineCase.updateMany({ where: { id: { in: ids } }, data: { assignedToId: reviewer.id } });
  await db().quarantineCase.update({
    where: { id: meta.caseId! },
    data: { reason: 'INVALID_METADATA', evidence: { problems: [{ field: 'direction', problem: 'missing' }] } },
  });
  await db().quarantineCase.update({
    where: { id: failed.caseId! },
    data: {
      state: 'REFETCH_FAILED',
      refetchStatus: 'FAILED',
      refetchError: 'Still truncation detected: Expected 9 s, measured 3 s (6 s short)',
    },
  });

  await page.goto('/quarantine');
  await page.getByLabel('Assignee').selectOption('me');
  await expect(page.getByTestId('queue-total')).toHaveText('4 cases');
  await expect(page.getByTestId('count-TRUNCATION_DETECTED')).toContainText('3');
  await expect(page.getByTestId('count-INVALID_METADATA')).toContainText('1');
  await expect(page.locator(`[data-case-id="${meta.caseId}"]`)).toContainText('1 field failed: direction is missing');

  await page.getByLabel('Reason', { exact: true }).selectOption('TRUNCATION_DETECTED');
  await expect(page).toHaveURL(/assignee=me&reason=TRUNCATION_DETECTED|reason=TRUNCATION_DETECTED.*assignee=me/);
  await expect(page.getByTestId('quarantine-case')).toHaveCount(3);
  await expect(page.getByTestId('queue-total')).toHaveText('3 cases');
  const rowA = page.locator(`[data-case-id="${a.caseId}"]`);
  await expect(rowA.getByTestId('case-summary')).toHaveText(/^Expected 12 s, measured 5 s \(7 s short\); [\d,]+ bytes stored$/);
  await expect(page.locator(`[data-case-id="${failed.caseId}"]`)).toContainText('Re-fetch failed');
  await expect(page.locator(`[data-case-id="${failed.caseId}"]`)).toContainText('Still truncation detected: Expected 9 s, measured 3 s');

  await rowA.getByRole('checkbox').check();
  await page.locator(`[data-case-id="${b.caseId}"]`).focus();
  await page.keyboard.press('x');
  await page.getByLabel(/Note for the 2 cases selected/).fill('Carrier dropped both calls; stored audio is complete.');
  await page.getByRole('button', { name: 'Accept 2 cases' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept 2 cases?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Accept 2 cases' }).click();
  await expect(page.getByTestId('bulk-outcome')).toHaveText('2 cases accepted.');
  await expect(page.getByTestId('queue-total')).toHaveText('1 case');
  await expect(page.getByTestId('count-TRUNCATION_DETECTED')).toContainText('1');
  await expect(page.getByTestId('quarantine-case')).toHaveCount(1);

  await flushAuditSequencer();
  for (const rec of [a, b]) {
    expect(await db().quarantineCase.findUniqueOrThrow({ where: { id: rec.caseId! } })).toMatchObject({
      state: 'ACCEPTED',
      resolvedById: reviewer.id,
    });
    const entry = await db().auditEntry.findFirst({
      where: { action: 'quarantine.resolved', subjectType: 'quarantine_case', subjectId: rec.caseId! },
    });
    expect(entry?.details).toMatchObject({
      decision: 'accept',
      batchSize: 2,
      note: 'Carrier dropped both calls; stored audio is complete.',
    });
  }

  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `no horizontal overflow at ${width} px`).toBeLessThanOrEqual(
      width,
    );
  }

  // Keyboard: the remaining row takes focus and Enter opens its case, which shows the failure and the facts.
  await page.locator(`[data-case-id="${failed.caseId}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/quarantine/${failed.caseId}$`));
  await expect(page.getByTestId('case-status')).toContainText('Re-fetch failed');
  await expect(page.getByText('Expected duration (vendor)')).toBeVisible();
  await expect(page.getByLabel(/Raw evidence for case/)).toBeHidden();
  await page.getByText('Raw evidence (JSON)').click();
  await expect(page.getByLabel(/Raw evidence for case/)).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('queue-total')).toHaveText('1 case'); // the filters came back with the address
});

test('reviewer listens to a case and accepts it on its page', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ truncated: true, seconds: 5, vendorSeconds: 12 });
  const reviewer = await signInAs('REVIEWER');
  await page.goto(`/quarantine/${rec.caseId}`);
  await expect(page.getByTestId('case-summary')).toHaveText(/^Expected 12 s, measured 5 s \(7 s short\)/);

  await page.getByRole('button', { name: 'Listen to this recording…' }).click();
  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill('Checking the truncation evidence');
  await page.getByRole('button', { name: 'Request playback' }).click();
  await expect(page.getByTestId('playback-audio')).toHaveJSProperty('paused', true);
  await expect.poll(() => page.getByTestId('playback-audio').evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);

  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(page.getByTestId('case-assignee')).toHaveText(reviewer.email);
  await page.getByLabel('Decision note (recorded in the audit trail)').fill('Carrier dropped the call; the stored audio is complete.');
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await page.getByRole('dialog', { name: 'Accept this case?' }).getByRole('button', { name: 'Accept case' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Accepted');
  await expect(page.getByText('Decided by')).toContainText(reviewer.email);

  const decided = await db().quarantineCase.findUniqueOrThrow({ where: { id: rec.caseId! } });
  expect(decided).toMatchObject({
    state: 'ACCEPTED',
    resolvedById: reviewer.id,
    assignedToId: reviewer.id,
    resolutionNote: 'Carrier dropped the call; the stored audio is complete.',
  });
  await flushAuditSequencer();
  const entry = await db().auditEntry.findFirst({
    where: { action: 'quarantine.resolved', subjectType: 'quarantine_case', subjectId: rec.caseId! },
  });
  expect(entry?.actorId).toBe(reviewer.id);
  const playback = await db().auditEntry.findFirst({ where: { action: 'playback.issued', subjectId: rec.auditKey } });
  expect(playback?.details).toMatchObject({ reason: 'Checking the truncation evidence', user: reviewer.email });
});

test('the queue picks up new cases without a reload; a bad filter in the address is refused with the reason', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  await signInAs('REVIEWER');
  await page.goto('/quarantine?reason=TRUNCATED');
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid queue query' })).toContainText('reason');
  await page.goto('/quarantine');
  await expect(page.getByRole('heading', { name: 'Quarantine review' })).toBeVisible();
  await page.getByLabel('Age', { exact: true }).selectOption('within_sla');
  const rec = await makeRecording({ truncated: true, seconds: 3, vendorSeconds: 8 });
  await expect(page.locator(`[data-case-id="${rec.caseId}"]`)).toBeVisible({ timeout: 20_000 });
});
