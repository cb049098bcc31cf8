// Playwright fixtures: users per role (worker-scoped), recordings seeded through Prisma + the test RGW,
// and signing in through next-auth's own endpoints (the sign-in form has its own test).
import { test as base, expect, type Page } from '@playwright/test';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { seedRecording, type TSeedRecording, type TSeedRecordingOptions } from './support/seed-recording';
import { seedUsers, type TSeedUser, type TSeedUsers } from './support/seed-users';

type TTestFixtures = {
  /** Signs the page's browser context in as the seeded user of that role. */
  signInAs: (role: TRole) => Promise<TSeedUser>;
  makeRecording: (opts?: TSeedRecordingOptions) => Promise<TSeedRecording>;
};

type TWorkerFixtures = { users: TSeedUsers };

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === 'next-auth.session-token'), `session cookie for ${user.email}`).toBe(true);
}

// The fixture callback is named `provide` (Playwright calls it `use`) so React's hook lint rule leaves it alone.
export const test = base.extend<TTestFixtures, TWorkerFixtures>({
  users: [
    async ({}, provide) => {
      await provide(await seedUsers());
      await db().$disconnect();
    },
    { scope: 'worker' },
  ],
  signInAs: async ({ page, users }, provide) => {
    await provide(async (role) => {
      await signIn(page, users[role]);
      return users[role];
    });
  },
  makeRecording: async ({}, provide) => {
    await provide((opts) => seedRecording(opts));
  },
});

export { expect };
