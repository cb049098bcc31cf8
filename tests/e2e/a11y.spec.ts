// axe-core on the console's main pages: no serious or critical WCAG 2.1 A/AA violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('archive search, recording detail with the player, audit export', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording();
  await signInAs('ADMIN');
  await page.goto(`/recordings?agent=${encodeURIComponent(rec.agentName)}`);
  await expect(page.getByTestId('recording-row')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/recordings/${rec.id}`);
  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill('Accessibility check of the player');
  await page.getByRole('button', { name: 'Request playback' }).click();
  await expect(page.getByTestId('player')).toBeVisible();
  await expect(page.getByTestId('audit-history')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/audit');
  expect(await seriousViolations(page)).toEqual([]);
});

test('quarantine queue, operations, users', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ truncated: true, seconds: 3, vendorSeconds: 9 });
  await signInAs('ADMIN');
  await page.goto('/quarantine');
  await expect(page.locator(`[data-case-id="${rec.caseId}"]`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/operations');
  await expect(page.getByTestId('health')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
