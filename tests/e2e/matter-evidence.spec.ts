// An officer collects two archived calls from the search results into a new matter, holds them all, has an
// evidence package built, downloads it and verifies it offline with the standalone verifier and the published
// public keys only (a copy with one byte of audio changed is refused), then releases the matter's hold: a
// recording another matter also holds stays held.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { extract as tarExtract } from 'tar-stream';
import { expect, test } from './fixtures';
import { buildStandaloneVerifier } from './support/standalone-verifier';

let dir: string;
let verify: ReturnType<typeof buildStandaloneVerifier>;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cv-e2e-evidence-'));
  verify = buildStandaloneVerifier(dir);
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

/** Where each file's content starts in a tar, by name. */
async function tarOffsets(bytes: Buffer): Promise<Map<string, { offset: number; size: number }>> {
  const out = new Map<string, { offset: number; size: number }>();
  const extract = tarExtract();
  Readable.from([bytes]).pipe(extract);
  let searchFrom = 0;
  for await (const entry of extract) {
    const content = await buffer(entry);
    const offset = bytes.indexOf(content, searchFrom);
    out.set(entry.header.name, { offset, size: content.length });
    searchFrom = offset + content.length;
  }
  return out;
}

/** Serious or critical WCAG 2.1 A/AA violations inside the open dialog. */
async function dialogViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Chooses a matter in the "Add to matter…" dialog (a new one when `create` is given) and adds the selection. */
async function addSelectionToMatter(page: Page, count: number, matter: { create?: string; existing?: string }) {
  await page.getByRole('button', { name: 'Add to matter…' }).click();
  const dialog = page.getByRole('dialog', { name: `Add ${count} recording${count === 1 ? '' : 's'} to a matter` });
  await expect(dialog).toBeVisible();
  if (matter.create) {
    await dialog.getByRole('radio', { name: 'A new matter' }).check();
    await dialog.getByLabel('Matter reference').fill(matter.create);
    await dialog.getByLabel('Matter name').fill(`Complaint ${matter.create}`);
    expect(await dialogViolations(page)).toEqual([]);
  } else {
    await dialog.getByRole('radio', { name: new RegExp(`^${matter.existing} — `) }).check();
  }
  await dialog.getByRole('button', { name: `Add ${count} recording${count === 1 ? '' : 's'}` }).click();
  await expect(dialog).toBeHidden();
}

/** Hold all / Release all on the matter page, through its confirmation; returns the outcome line. */
async function holdAll(page: Page, mode: 'Hold all' | 'Release all', count: number, reason: string) {
  const form = page.getByRole('form', { name: `${mode} recordings of this matter` });
  await form.getByLabel(`Reason (${mode.toLowerCase()})`).fill(reason);
  await form.getByRole('button', { name: `${mode} (${count})` }).click();
  await expect(form.getByRole('alert')).toContainText(`all ${count} recordings`);
  await form.getByRole('button', { name: `Confirm: ${mode.toLowerCase()} ${count}` }).click();
  return form.getByRole('status');
}

test('officer: search → select → add to a new matter → hold all → evidence package verified offline → release', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  test.setTimeout(240_000);
  const tag = `mx-${randomUUID().slice(0, 8)}`;
  const [first, second] = [await makeRecording({ tags: ['compliance', tag] }), await makeRecording({ tags: ['compliance', tag] })];
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const [mainRef, otherRef] = [`MX-${suffix}`, `MX-${suffix}-B`];
  await signInAs('OFFICER');

  await page.goto('/recordings');
  await page.getByLabel('Compliance tags').fill(tag);
  await page.getByRole('button', { name: 'Search' }).click();
  const rows = page.getByTestId('recording-row');
  await expect(rows).toHaveCount(2);
  const searchUrl = page.url();
  const count = page.getByTestId('selection-count');
  await expect(count).toHaveText('0 selected');
  await expect(page.getByRole('button', { name: 'Add to matter…' })).toBeDisabled();
  await page.getByRole('checkbox', { name: `Select recording ${first.vendorRecordingId}` }).check();
  await expect(count).toHaveText('1 selected');
  // Keyboard: Space on the focused "select all" box takes the rest of the page.
  await page.getByRole('checkbox', { name: 'Select all recordings on this page' }).focus();
  await page.keyboard.press('Space');
  await expect(count).toHaveText('2 selected');

  const outcome = page.getByTestId('add-to-matter-outcome');
  await addSelectionToMatter(page, 2, { create: mainRef });
  await expect(outcome).toContainText(`Matter ${mainRef}: 2 added, 0 already in the matter.`);
  const mainHref = await outcome.getByRole('link', { name: `Open matter ${mainRef}` }).getAttribute('href');
  // The same selection again, choosing the matter from the list: nothing new.
  await addSelectionToMatter(page, 2, { existing: mainRef });
  await expect(outcome).toContainText(`Matter ${mainRef}: 0 added, 2 already in the matter.`);
  // Escape leaves the dialog without adding anything; focus returns to the action.
  await page.getByRole('button', { name: 'Add to matter…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add to matter…' })).toBeFocused();

  // A second matter collects and holds the first recording only.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByRole('checkbox', { name: `Select recording ${first.vendorRecordingId}` }).check();
  await addSelectionToMatter(page, 1, { create: otherRef });
  await expect(outcome).toContainText(`Matter ${otherRef}: 1 added, 0 already in the matter.`);
  await outcome.getByRole('link', { name: `Open matter ${otherRef}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Matter ${otherRef}`);
  await expect(await holdAll(page, 'Hold all', 1, 'Regulator inquiry on the first call')).toHaveText('1 changed, 0 already so.');

  // The matter: hold all, then both recordings show the hold here and in the search results.
  await page.goto(mainHref!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Matter ${mainRef}`);
  const heldCells = page.getByTestId('matter-recordings').locator('tbody tr td:last-child');
  await expect(heldCells).toHaveText(['No', 'No']);
  await expect(await holdAll(page, 'Hold all', 2, 'Customer complaint litigation')).toHaveText('2 changed, 0 already so.');
  await expect(heldCells).toHaveText(['Yes', 'Yes']);
  await page.goto(searchUrl);
  for (const rec of [first, second]) await expect(rows.filter({ hasText: rec.vendorRecordingId })).toContainText('Legal hold');

  // Evidence package: build, wait for the worker (the list refreshes itself), download.
  await page.goto(mainHref!);
  await page.getByRole('button', { name: 'Build evidence package' }).click();
  await page.getByRole('button', { name: 'Confirm: build package (2)' }).click();
  await expect(page.getByTestId('package-status')).toHaveText('completed', { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download (.tar)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^callvault-evidence-[0-9a-f-]+\.tar$/);
  const packageFile = path.join(dir, download.suggestedFilename());
  await download.saveAs(packageFile);

  // Offline: only the public keys, fetched as an outsider would (no session), and the verifier file.
  const keysResponse = await fetch(new URL('/api/audit/keys', page.url()));
  expect(keysResponse.status).toBe(200);
  const keysFile = path.join(dir, 'audit-keys.json');
  await writeFile(keysFile, await keysResponse.text());
  const ok = verify(keysFile, packageFile);
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  expect(ok.stdout).toMatch(/^VALID /m);

  const bytes = await readFile(packageFile);
  const audio = [...(await tarOffsets(bytes)).entries()].find(([name]) => name.startsWith('recordings/') && name.includes('/audio.'));
  expect(audio, 'the package holds the recordings’ audio').toBeTruthy();
  const [audioName, at] = audio!;
  expect(at.offset).toBeGreaterThan(0);
  const tampered = Buffer.from(bytes);
  const flip = at.offset + Math.floor(at.size / 2);
  tampered[flip] = tampered[flip]! ^ 0x01;
  const tamperedFile = path.join(dir, 'tampered.tar');
  await writeFile(tamperedFile, tampered);
  const bad = verify(keysFile, tamperedFile);
  expect(bad.status, bad.stdout + bad.stderr).toBe(1);
  expect(bad.stdout).toMatch(/INVALID[\s\S]*\[file_hash\]/);
  expect(bad.stdout).toContain(audioName);

  // Release this matter's hold: the first recording stays held by the other matter, the second is free.
  await expect(await holdAll(page, 'Release all', 2, 'Litigation settled')).toHaveText('2 changed, 0 already so.');
  await expect(heldCells).toHaveText(['No', 'No']);
  await page.goto(searchUrl);
  await expect(rows.filter({ hasText: first.vendorRecordingId })).toContainText('Legal hold');
  await expect(rows.filter({ hasText: second.vendorRecordingId })).not.toContainText('Legal hold');
});

test('an auditor reads the same results without selection or "Add to matter…" (matters are managed by officers)', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const rec = await makeRecording();
  await signInAs('AUDITOR');
  await page.goto(`/recordings?agent=${encodeURIComponent(rec.agentId)}`);
  await expect(page.getByTestId('recording-row')).toHaveCount(1);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add to matter…' })).toHaveCount(0);
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
});
