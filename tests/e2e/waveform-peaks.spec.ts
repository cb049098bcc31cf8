// The recording page draws the waveform from the peaks stored at archive time: a 4-hour call renders in
// under 2 s from navigation without decoding anything, a dual-channel call shows one labelled lane per
// channel, and a recording without stored peaks says so. Playback still needs a stated reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { makePeaksTestMedia } from '@/tests/support/peaks-test-media';
import { expect, test } from './fixtures';

const FOUR_HOURS = 4 * 3600;
let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-peaks-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a 4-hour recording renders its waveform from stored peaks in under 2 s', async ({ page, signInAs, seedStoredRecording }) => {
  test.setTimeout(180_000);
  const file = makePeaksTestMedia(join(dir, 'four-hours.wav'), { seconds: FOUR_HOURS });
  const rec = await seedStoredRecording({ seconds: FOUR_HOURS, mediaFile: file, peaks: true });
  await signInAs('AUDITOR');
  const media: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('X-Amz-Signature')) media.push(r.url());
  });
  await page.goto(`/recordings/${rec.id}`);
  const frame = page.getByTestId('waveform-frame');
  await expect(frame).toHaveAttribute('data-status', 'ready');
  const readyMs = Number(await frame.getAttribute('data-ready-ms'));
  expect(readyMs).toBeGreaterThan(0);
  expect(readyMs).toBeLessThan(2000); // navigation → wavesurfer 'ready', in the page's own clock
  await expect(page.locator('[data-testid="waveform"] canvas').first()).toBeVisible();
  expect(media).toEqual([]); // nothing was fetched or decoded: the peaks alone drew it

  await page.getByLabel('Reason for listening (recorded in the audit trail)').fill('Sampling long calls QA-77');
  await page.getByRole('button', { name: 'Request playback' }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(frame).toHaveAttribute('data-status', 'ready'); // the player reuses the peaks: still no decoding
});

test('a dual-channel recording shows two labelled lanes; one without peaks says so', async ({ page, signInAs, seedStoredRecording }) => {
  const file = makePeaksTestMedia(join(dir, 'stereo.wav'), { seconds: 20, sampleRate: 8000, stereo: true });
  const stereo = await seedStoredRecording({ seconds: 20, mediaFile: file, peaks: true, channels: { agent: 1, customer: 0 } });
  const plain = await seedStoredRecording({ seconds: 4 });
  await signInAs('OFFICER');
  await page.goto(`/recordings/${stereo.id}`);
  await expect(page.getByTestId('waveform-frame')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('waveform-lane')).toHaveText(['Customer (left)', 'Agent (right)']);
  await expect(page.locator('[data-testid="waveform"] .canvases > div')).toHaveCount(2); // one lane per channel
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="player"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing of the player reaches past the viewport (wavesurfer redraws for the new width).
  const pastEdge = () =>
    page.evaluate(() =>
      [document.querySelector('[data-testid="player"]')!, ...document.querySelectorAll('[data-testid="player"] *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
  await expect.poll(pastEdge).toEqual([]);
  await expect(page.getByTestId('waveform-lane').first()).toBeVisible();

  await page.goto(`/recordings/${plain.id}`);
  await expect(page.getByTestId('waveform-frame')).toHaveAttribute('data-status', 'missing');
  await expect(page.getByText('No stored waveform for this recording yet')).toBeVisible();
  await expect(page.getByTestId('waveform-lane')).toHaveCount(0);
});
