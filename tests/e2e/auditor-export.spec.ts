// An auditor exports the audit bundle of a recording; the offline verifier, given only the public keys
// fetched without a session from /api/audit/keys, accepts it, and rejects it once a single byte is changed.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

function verify(file: string, keysFile: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit/verify-bundle.ts', '--keys', keysFile, file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('auditor exports a bundle that verifies offline', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording();
  await signInAs('AUDITOR');
  await page.goto('/audit');
  await page.getByLabel('Recording ids').fill(rec.id);
  await page.getByRole('button', { name: 'Start export' }).click();
  await expect(page).toHaveURL(/\?export=/);
  const status = page.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(page.getByTestId('verify-command')).toContainText('callvault-verify-bundle.mjs --keys audit-keys.json callvault-audit-');

  const dir = await mkdtemp(path.join(tmpdir(), 'cv-e2e-export-'));
  try {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download bundle' }).click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const content = await readFile(file, 'utf8');
    expect(content).toContain(rec.auditKey);
    // The public keys, fetched as an outsider would: no session cookie.
    const keysResponse = await fetch(new URL('/api/audit/keys', page.url()));
    expect(keysResponse.status).toBe(200);
    const keysFile = path.join(dir, 'audit-keys.json');
    await writeFile(keysFile, await keysResponse.text());
    const ok = verify(file, keysFile);
    expect(ok.status, ok.stderr || ok.stdout).toBe(0);

    // Change one character inside an entry: the verifier must name the bad line and fail.
    const tampered = content.replace('archive.stored', 'archive.storeD');
    expect(tampered).not.toBe(content);
    await writeFile(file, tampered);
    const bad = verify(file, keysFile);
    expect(bad.status).toBe(1);

    // The console shows the same keys (fingerprints to compare out of band) and the checkpoint used.
    const published = JSON.parse(await readFile(keysFile, 'utf8')) as { keys: { fingerprint: string }[] };
    await page.goto('/audit/keys');
    await expect(page.getByTestId('signing-keys')).toContainText(published.keys[0]!.fingerprint);
    await expect(page.getByTestId('audit-checkpoints')).toContainText('export');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
