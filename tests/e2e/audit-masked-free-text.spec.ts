// A playback reason typed with a customer number: the recording's audit history shows it as the trail keeps
// it (masked when written, with a line saying so) to every role; an officer also sees what was typed beside
// it, checked against the trail's salted commitment, and an auditor sees neither the original nor its salt.
import { randomInt } from 'node:crypto';
import { expect, test } from './fixtures';

test('a reason with a customer number is in the audit history masked, and says it was masked when written', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const subscriber = String(randomInt(2_000_000, 9_999_999));
  const reason = `caller +1555${subscriber}, callback on (555) ${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
  const rec = await makeRecording({ seconds: 4 });
  await signInAs('OFFICER');
  await page.goto(`/recordings/${rec.id}`);
  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill(reason);
  await page.getByRole('button', { name: 'Request playback' }).click();
  await expect(page.getByTestId('playback-audio')).toBeAttached();

  const entry = page.getByTestId('audit-history').getByTestId('audit-entry').filter({ hasText: 'playback.issued' });
  await expect(entry).toContainText(`callback on 555${subscriber[0]}•••${subscriber.slice(3)}`);
  await expect(entry.getByTestId('audit-entry-masked-note')).toContainText(
    'Customer identifiers in reason were masked when this entry was written',
  );
  await expect(entry.getByTestId('audit-entry-line')).not.toContainText(subscriber);
  const opening = entry.getByTestId('audit-entry-openings');
  await expect(opening).toContainText(`reason as typed: ${reason}`);
  await expect(opening.getByTestId('audit-entry-opening-check')).toHaveText('matches the trail');
});

test('an auditor sees the masked reason and no original or salt beside it', async ({ page, signInAs, makeRecording }) => {
  const subscriber = String(randomInt(2_000_000, 9_999_999));
  const rec = await makeRecording({ seconds: 4 });
  await signInAs('AUDITOR');
  await page.goto(`/recordings/${rec.id}`);
  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill(`audit sample, caller +1555${subscriber}`);
  await page.getByRole('button', { name: 'Request playback' }).click();
  await expect(page.getByTestId('playback-audio')).toBeAttached();

  const entry = page.getByTestId('audit-history').getByTestId('audit-entry').filter({ hasText: 'playback.issued' });
  await expect(entry.getByTestId('audit-entry-masked-note')).toBeVisible();
  await expect(entry.getByTestId('audit-entry-openings')).toHaveCount(0);
  await expect(entry).not.toContainText(subscriber);
});
