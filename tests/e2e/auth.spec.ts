// Signed-out access, the sign-in form, lockout, and a disabled user losing access at once.
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { expect, signIn, test } from './fixtures';
import { E2E_PASSWORD, seedUser } from './support/seed-users';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { typedEmailFingerprint } from '@/lib/auth/typed-email-fingerprint';

const PAGES = [
  '/',
  '/recordings',
  '/recordings/00000000-0000-4000-8000-000000000000',
  '/quarantine',
  '/audit',
  '/operations',
  '/admin/users',
];
const APIS: [string, string][] = [
  ['GET', '/api/recordings'],
  ['GET', '/api/recordings/00000000-0000-4000-8000-000000000000'],
  ['POST', '/api/recordings/00000000-0000-4000-8000-000000000000/playback'],
  ['POST', '/api/recordings/00000000-0000-4000-8000-000000000000/legal-hold'],
  ['GET', '/api/quarantine'],
  ['POST', '/api/quarantine/00000000-0000-4000-8000-000000000000/decision'],
  ['POST', '/api/audit/exports'],
  ['GET', '/api/operations/queues'],
  ['GET', '/api/users'],
  ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000'],
];

test('signed-out visitors are sent to sign-in and the API refuses them', async ({ page, request }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page, `page ${path}`).toHaveURL(/\/signin\?callbackUrl=/);
  }
  for (const [method, path] of APIS) {
    const res = await request.fetch(path, { method, data: {} });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue' } });
  }
  expect((await request.get('/api/health')).status()).not.toBe(401);
  expect((await request.get('/api/auth/csrf')).status()).toBe(200);
});

test('the sign-in form refuses a wrong password without saying why, then signs in', async ({ page, users }) => {
  const started = new Date();
  await page.goto('/recordings');
  await page.getByLabel('Email').fill(users.OFFICER.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#signin-error')).toHaveText('Sign-in failed. Check your email and password, or try again later.');
  await page.getByLabel('Email').fill('nobody-at-all@callvault.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#signin-error')).toHaveText('Sign-in failed. Check your email and password, or try again later.');
  await page.getByLabel('Email').fill(users.OFFICER.email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/recordings$/);
  await expect(page.getByTestId('current-user')).toContainText(users.OFFICER.name);
  await flushAuditSequencer();
  // Only this test's entries: the worker's users may have signed in during earlier tests.
  const entries = await db().auditEntry.findMany({
    where: { subjectId: users.OFFICER.id, occurredAt: { gte: started } },
    orderBy: { sequence: 'asc' },
  });
  expect(entries.map((e) => e.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
  expect(JSON.stringify(entries.map((e) => e.details))).not.toContain('not-the-password');
  // The unknown address is audited as a keyed hash only (a password typed into the email field must not be kept,
  // nor be testable against the trail without the server's secret).
  const emailFingerprint = typedEmailFingerprint('nobody-at-all@callvault.test');
  expect(emailFingerprint).not.toBe(createHash('sha256').update('nobody-at-all@callvault.test').digest('hex'));
  await flushAuditSequencer();
  const unknown = await db().auditEntry.findFirst({
    where: { action: 'auth.sign_in_failed', subjectId: 'unknown' },
    orderBy: { sequence: 'desc' },
  });
  expect(unknown?.details).toMatchObject({ reason: 'unknown_user', emailFingerprint });
  expect(JSON.stringify(unknown?.details)).not.toContain('nobody-at-all');
});

test('repeated wrong passwords lock the account, even for the right password', async ({ page }) => {
  const user = await seedUser('AUDITOR', 'lockout');
  const threshold = Number(process.env.AUTH_LOCKOUT_THRESHOLD ?? 5);
  for (let i = 0; i < threshold; i += 1) {
    const res = await page.request.post('/api/auth/callback/credentials', {
      form: {
        csrfToken: ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken,
        email: user.email,
        password: `wrong-${i}`,
        json: 'true',
      },
      maxRedirects: 0,
    });
    expect(res.status()).toBeLessThan(500);
  }
  await page.goto('/signin');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#signin-error')).toContainText('Sign-in failed');
  await flushAuditSequencer();
  const actions = (await db().auditEntry.findMany({ where: { subjectId: user.id }, orderBy: { sequence: 'asc' } })).map((e) => e.action);
  expect(actions.filter((a) => a === 'auth.locked_out')).toHaveLength(1);
  expect(actions.at(-1)).toBe('auth.sign_in_failed');
  expect(actions).not.toContain('auth.sign_in');
});

test('a disabled user loses access on the next request', async ({ page }) => {
  const user = await seedUser('OFFICER', 'disabled');
  await signIn(page, user);
  expect((await page.request.get('/api/recordings')).status()).toBe(200);
  await db().user.update({ where: { id: user.id }, data: { disabled: true } });
  expect((await page.request.get('/api/recordings')).status()).toBe(401);
  await page.goto('/recordings');
  await expect(page).toHaveURL(/\/signin/);
});
