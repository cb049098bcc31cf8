// A reviewer listens to a truncated recording, accepts it with a note; the case leaves the open queue
// without a reload and the decision is in the audit trail. New cases appear on their own.
import { db } from '@/lib/db';
import { expect, test } from './fixtures';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

test('reviewer resolves a truncation case', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ truncated: true, seconds: 5, vendorSeconds: 12 });
  const reviewer = await signInAs('REVIEWER');
  await page.goto('/quarantine');
  const card = page.locator(`[data-case-id="${rec.caseId}"]`);
  await expect(card).toContainText('Truncation detected');
  await expect(card).toContainText('0:12 / 0:05'); // vendor vs measured duration

  await card.getByRole('button', { name: 'Listen to this recording…' }).click();
  await card.getByLabel('Reason for listening (recorded in the audit trail)').fill('Checking the truncation evidence');
  await card.getByRole('button', { name: 'Request playback' }).click();
  await expect(card.getByTestId('playback-audio')).toHaveJSProperty('paused', true);
  await expect.poll(() => card.getByTestId('playback-audio').evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);

  await card.getByLabel('Decision note (recorded in the audit trail)').fill('Carrier dropped the call; the stored audio is complete.');
  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(card).toHaveCount(0);

  const decided = await db().quarantineCase.findUniqueOrThrow({ where: { id: rec.caseId! } });
  expect(decided).toMatchObject({ state: 'ACCEPTED', resolvedById: reviewer.id, resolutionNote: 'Carrier dropped the call; the stored audio is complete.' });
  await flushAuditSequencer();
  const entry = await db().auditEntry.findFirst({ where: { action: 'quarantine.resolved', subjectType: 'quarantine_case', subjectId: rec.caseId! } });
  expect(entry?.actorId).toBe(reviewer.id);
  expect(entry?.details).toMatchObject({ decision: 'accept', note: 'Carrier dropped the call; the stored audio is complete.' });
  await flushAuditSequencer();
  const playback = await db().auditEntry.findFirst({ where: { action: 'playback.issued', subjectId: rec.auditKey } });
  expect(playback?.details).toMatchObject({ reason: 'Checking the truncation evidence', user: reviewer.email });

  await page.getByLabel('Show cases').selectOption('ACCEPTED');
  await expect(page.locator(`[data-case-id="${rec.caseId}"]`)).toContainText('Decided by');
});

test('the queue picks up new cases without a reload', async ({ page, signInAs, makeRecording }) => {
  await signInAs('REVIEWER');
  await page.goto('/quarantine');
  await expect(page.getByRole('heading', { name: 'Quarantine review' })).toBeVisible();
  const rec = await makeRecording({ truncated: true, seconds: 3, vendorSeconds: 8 });
  await expect(page.locator(`[data-case-id="${rec.caseId}"]`)).toBeVisible({ timeout: 20_000 });
});
