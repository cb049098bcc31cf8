// A playback reason typed with a customer number: the recording's audit history shows it as the trail keeps
// it (masked when written, with a line saying so), even to an officer, who reads the number in clear
// wherever the original lives.
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
  await expect(entry).not.toContainText(subscriber);
});
