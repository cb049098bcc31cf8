// Playwright fixtures: users per role (worker-scoped), recordings archived through the real pipeline
// (vendor simulators → console webhook → archive worker → RGW + Postgres; support/archive-recording.ts),
// and signing in through next-auth's own endpoints (the sign-in form has its own test).
//
//   test('…', async ({ page, signInAs, makeRecording }) => {
//     const rec = await makeRecording();                                   // ARCHIVED (Genesys, US, 6 s WAV)
//     const bad = await makeRecording({ truncated: true });               // QUARANTINED, bad.caseId = open case
//     const eu = await makeRecording({ vendor: 'cxone', region: 'eu' });  // MP3 in the EU bucket
//     await signInAs('OFFICER');
//     await page.getByRole('button', { name: 'Disable …' }).click();
//     await confirmDialog(page, 'Disable', { typed: email });             // answers components/confirm-dialog.tsx
import { test as base, expect, type Page } from '@playwright/test';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { archiveRecording, type TArchivedRecording, type TArchiveRecordingOptions } from './support/archive-recording';
import { startE2eSimulators, type TE2eSimulators } from './support/e2e-simulators';
import { seedRecording, type TSeedRecording, type TSeedRecordingOptions } from './support/seed-recording';
import { seedUsers, type TSeedUser, type TSeedUsers } from './support/seed-users';

type TTestFixtures = {
  /** Signs the page's browser context in as the seeded user of that role. */
  signInAs: (role: TRole) => Promise<TSeedUser>;
  /** Archives a recording through the pipeline and waits until it is ARCHIVED (or QUARANTINED as asked). */
  makeRecording: (opts?: TArchiveRecordingOptions) => Promise<TArchivedRecording>;
  /** Only for media the simulators cannot serve in test time (a 4-hour file) or a row without stored peaks:
   *  writes the stored object and the Recording row directly. Everything else uses makeRecording. */
  seedStoredRecording: (opts?: TSeedRecordingOptions) => Promise<TSeedRecording>;
};

type TWorkerFixtures = { users: TSeedUsers; simulators: TE2eSimulators };

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const cookies = await page.context().cookies();
  expect(
    cookies.some((c) => c.name === 'next-auth.session-token'),
    `session cookie for ${user.email}`,
  ).toBe(true);
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
  // Started on first use and kept for the test worker (the console and the archive worker know their ports).
  simulators: [
    async ({}, provide) => {
      const sims = await startE2eSimulators(Number(process.env.E2E_PORT ?? 3100));
      await provide(sims);
      await sims.stop();
    },
    { scope: 'worker' },
  ],
  signInAs: async ({ page, users }, provide) => {
    await provide(async (role) => {
      await signIn(page, users[role]);
      return users[role];
    });
  },
  makeRecording: async ({ simulators }, provide) => {
    await provide((opts) => archiveRecording(simulators, opts));
  },
  seedStoredRecording: async ({}, provide) => {
    await provide((opts) => seedRecording(opts));
  },
});

export { expect };
export { cancelDialogWithEscape, confirmDialog, openConfirmDialog } from './support/confirm-dialog';
