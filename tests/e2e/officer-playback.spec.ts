// An officer finds a call by participant and date, plays it with a stated reason while the waveform
// renders, and the playback is in the recording's audit history; then places and lifts a legal hold.
import { db } from '@/lib/db';
import { expect, test } from './fixtures';
import { cancelDialogWithEscape, confirmDialog } from './support/confirm-dialog';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

test('officer searches, plays with a reason, and the playback is audited', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ seconds: 8, startTime: new Date(Date.UTC(2026, 2, 3, 14, 5, 0)) });
  const officer = await signInAs('OFFICER');
  await page.goto('/recordings');
  await page.getByLabel('Agent (id or name)').fill(rec.agentName);
  await page.getByLabel('From (UTC)').fill('2026-03-03T00:00');
  await page.getByLabel('To (UTC)').fill('2026-03-03T23:59');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/agent=.*from=2026-03-03/);
  const rows = page.getByTestId('recording-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(rec.customerNumber); // officers see identifiers in clear
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(rec.vendorRecordingId);

  const request = page.getByRole('button', { name: 'Request playback' });
  await expect(request).toBeDisabled();
  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill('Complaint CASE-4411 review');
  await request.click();
  const audio = page.getByTestId('playback-audio');
  await expect(page.locator('[data-testid="waveform"] canvas').first()).toBeVisible(); // inside wavesurfer's open shadow root
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(2);
  // Keyboard: with the player focused, space pauses, → seeks 5 s, + speeds up.
  await page.getByTestId('player').focus();
  await page.keyboard.press('Space');
  await expect(audio).toHaveJSProperty('paused', true);
  const before = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeCloseTo(Math.min(before + 5, 8), 0);
  await page.keyboard.press('+');
  await expect(audio).toHaveJSProperty('playbackRate', 1.25);

  const history = page.getByTestId('audit-history');
  await expect(history).toContainText('playback.issued');
  await expect(history).toContainText('Complaint CASE-4411 review');
  await flushAuditSequencer();
  const entry = await db().auditEntry.findFirst({ where: { action: 'playback.issued', subjectId: rec.auditKey } });
  expect(entry?.actorId).toBe(officer.id);
  expect(entry?.details).toMatchObject({ user: officer.email, recordingId: rec.id, reason: 'Complaint CASE-4411 review' });
  const expiresAt = Date.parse((entry?.details as { expiresAt: string }).expiresAt);
  expect(expiresAt - entry!.occurredAt.getTime()).toBeLessThanOrEqual(300_000);
});

test("officer places and lifts (after confirming) a matter's legal hold", async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording();
  await signInAs('OFFICER');
  await page.goto(`/recordings/${rec.id}`);
  await page.getByLabel('Case reference').fill('LIT-2026-0042');
  await page.getByLabel('Reason', { exact: true }).fill('Preserve for litigation');
  await page.getByRole('button', { name: 'Place legal hold' }).click();
  await expect(page.getByTestId('legal-hold-state')).toContainText('On legal hold');
  await expect(page.getByTestId('audit-history')).toContainText('legal_hold.placed');
  expect((await db().recording.findUniqueOrThrow({ where: { id: rec.id } })).legalHold).toBe(true);
  await page.getByLabel('Reason for lifting').fill('Case settled');
  await page.getByRole('button', { name: 'Lift hold of LIT-2026-0042' }).click();
  // Escape cancels: nothing lifted.
  await cancelDialogWithEscape(page);
  expect((await db().recording.findUniqueOrThrow({ where: { id: rec.id } })).legalHold).toBe(true);
  await page.getByRole('button', { name: 'Lift hold of LIT-2026-0042' }).click();
  // The last matter holding the recording: the matter must be typed.
  await confirmDialog(page, 'Lift hold of LIT-2026-0042', { mentions: 'No other matter holds it', typed: 'LIT-2026-0042' });
  await expect(page.getByTestId('legal-hold-state')).toContainText('Not on legal hold');
  await expect(page.getByTestId('audit-history')).toContainText('legal_hold.lifted');
});
