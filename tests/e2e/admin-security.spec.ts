// The admin's security panel on the Users page, each action confirmed in the dialog: unlocking an account
// locked by failed sign-ins, setting a new password (the new one signs in, the old one no longer does), and
// signing a user out everywhere (their other browser is signed out on its next request), residency regions.
import type { APIRequestContext, Browser } from '@playwright/test';
import { db } from '@/lib/db';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { confirmDialog, expect, test } from './fixtures';
import { E2E_PASSWORD, seedUser } from './support/seed-users';

const NEW_PASSWORD = 'Another-Long-Passphrase-77';

/** One credentials sign-in in its own browser context; returns the context when a session was issued. */
async function attempt(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const request: APIRequestContext = context.request;
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(500);
  const signedIn = (await context.cookies()).some((c) => c.name === 'next-auth.session-token');
  if (signedIn) return context;
  await context.close();
  return null;
}

test('admin unlocks an account, sets a new password and signs the user out everywhere', async ({ page, browser, signInAs }) => {
  const target = await seedUser('OFFICER', 'security-panel');
  const threshold = Number(process.env.AUTH_LOCKOUT_THRESHOLD ?? 5);
  for (let i = 0; i < threshold; i += 1) expect(await attempt(browser, target.email, `wrong-${i}`)).toBeNull();
  expect(await attempt(browser, target.email, E2E_PASSWORD), 'locked: even the right password is refused').toBeNull();

  const admin = await signInAs('ADMIN');
  await page.goto('/admin/users');
  const row = page.locator(`[data-testid="user-row"][data-email="${target.email}"]`);
  await row.getByRole('button', { name: `Security actions for ${target.email}` }).click();
  const panel = page.getByRole('group', { name: `Security actions for ${target.email}` });
  await panel.getByRole('button', { name: `Unlock ${target.email}` }).click();
  await confirmDialog(page, 'Unlock', { mentions: target.email });
  await expect(panel.getByRole('status')).toHaveText('Done.');
  const first = await attempt(browser, target.email, E2E_PASSWORD);
  expect(first, 'unlocked: the right password signs in').not.toBeNull();
  expect((await first!.request.get('/api/recordings')).status()).toBe(200);

  // A new password ends the user's sessions; the old password stops working, the new one works.
  await page.reload();
  await row.getByRole('button', { name: `Security actions for ${target.email}` }).click();
  await panel.getByRole('button', { name: `Set a new password for ${target.email}` }).click();
  await panel.getByLabel(/^New password \(/).fill(NEW_PASSWORD);
  await panel.getByRole('button', { name: 'Set password' }).click();
  await confirmDialog(page, 'Set password', { mentions: 'This applies to 1 session.' });
  await expect(panel.getByRole('status')).toHaveText('Done.');
  expect((await first!.request.get('/api/recordings')).status()).toBe(401);
  await first!.close();
  expect(await attempt(browser, target.email, E2E_PASSWORD), 'the old password no longer signs in').toBeNull();
  const other = await attempt(browser, target.email, NEW_PASSWORD);
  expect(other, 'the new password signs in').not.toBeNull();

  // Sign out everywhere: the other browser, still on a console page, is sent to sign-in on its next navigation.
  const otherPage = await other!.newPage();
  await otherPage.goto('/recordings');
  await expect(otherPage.getByTestId('current-user')).toContainText(target.name);
  await page.reload();
  await row.getByRole('button', { name: `Security actions for ${target.email}` }).click();
  await panel.getByRole('button', { name: `Sign out ${target.email} everywhere` }).click();
  await confirmDialog(page, 'Sign out everywhere', { mentions: 'This applies to 1 session.' });
  await expect(panel.getByRole('status')).toHaveText('Done.');
  await otherPage.goto('/recordings');
  await expect(otherPage).toHaveURL(/\/signin/);
  expect((await other!.request.get('/api/recordings')).status()).toBe(401);
  await other!.close();

  // Residency regions, edited on the same panel.
  await panel.getByRole('checkbox', { name: 'eu' }).check();
  await panel.getByRole('button', { name: 'Save regions' }).click();
  await confirmDialog(page, 'Save regions', { mentions: 'will see recordings of eu only (now every region)' });
  await expect(row).toContainText('Regions: eu');
  expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).regions).toEqual(['eu']);

  await flushAuditSequencer();
  const actions = (
    await db().auditEntry.findMany({
      where: { subjectType: 'user', subjectId: target.id, actorId: admin.id },
      orderBy: { sequence: 'asc' },
    })
  ).map((e) => e.action);
  expect(actions).toEqual(['user.unlocked', 'user.password_reset', 'user.signed_out_everywhere', 'user.regions_changed']);
});
