// Each role sees and can do exactly its share — and the API refuses what the UI hides.
import type { APIRequestContext, Page } from '@playwright/test';
import { db } from '@/lib/db';
import { expect, test } from './fixtures';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { cancelDialogWithEscape, confirmDialog } from './support/confirm-dialog';

async function status(request: APIRequestContext, method: string, path: string, data: unknown = {}): Promise<number> {
  return (await request.fetch(path, { method, data, headers: { 'Content-Type': 'application/json' } })).status();
}

async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

test('officer: archive with identifiers in clear and legal holds; nothing else', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ truncated: true, seconds: 4, vendorSeconds: 9 });
  await signInAs('OFFICER');
  await page.goto('/');
  await expect(page.getByTestId('archived-today')).toBeVisible();
  await expect(page.getByText('Dead letters')).toHaveCount(0);
  expect(await navLabels(page)).toEqual(['Archive', 'Matters']);
  const detail = await page.request.get(`/api/recordings/${rec.id}`);
  expect(detail.status()).toBe(200);
  expect(await detail.text()).toContain(rec.customerNumber);
  expect(await status(page.request, 'GET', '/api/quarantine')).toBe(403);
  expect(
    await status(page.request, 'POST', `/api/quarantine/${rec.caseId}/decision`, { decision: 'accept', note: 'not mine to decide' }),
  ).toBe(403);
  expect(await status(page.request, 'POST', '/api/audit/exports', {})).toBe(403);
  expect(await status(page.request, 'GET', '/api/operations/queues')).toBe(403);
  expect(await status(page.request, 'GET', '/api/reconciliation')).toBe(403);
  expect(await status(page.request, 'GET', '/api/users')).toBe(403);
  expect(
    await status(page.request, 'POST', '/api/users', {
      email: 'x@callvault.test',
      name: 'X',
      role: 'ADMIN',
      password: 'long-enough-password',
    }),
  ).toBe(403);
  await page.goto('/quarantine');
  await expect(page).toHaveURL(/\/recordings$/);
});

test('reviewer: the quarantine queue and listening to quarantined calls only, identifiers masked', async ({
  page,
  signInAs,
  makeRecording,
}) => {
  const quarantined = await makeRecording({ truncated: true, seconds: 4, vendorSeconds: 9 });
  const archived = await makeRecording();
  await signInAs('REVIEWER');
  await page.goto('/');
  await expect(page.getByTestId('quarantine-open')).toBeVisible();
  expect(await navLabels(page)).toEqual(['Quarantine']);
  await page.goto('/quarantine');
  const card = page.locator(`[data-case-id="${quarantined.caseId}"]`);
  await expect(card).toBeVisible();
  await expect(card).not.toContainText(quarantined.customerNumber);
  await expect(card).toContainText(`${quarantined.customerNumber.slice(0, 5)}•••${quarantined.customerNumber.slice(-4)}`);
  const queue = await page.request.get('/api/quarantine?state=OPEN');
  expect(await queue.text()).not.toContain(quarantined.customerNumber);
  expect(
    await status(page.request, 'POST', `/api/recordings/${quarantined.id}/playback`, { reason: 'Reviewing the truncation case' }),
  ).toBe(200);
  expect(await status(page.request, 'POST', `/api/recordings/${archived.id}/playback`, { reason: 'Just curious about this call' })).toBe(
    403,
  );
  expect(await status(page.request, 'GET', '/api/recordings')).toBe(403);
  expect(await status(page.request, 'GET', `/api/recordings/${quarantined.id}`)).toBe(403);
  expect(
    await status(page.request, 'POST', `/api/recordings/${archived.id}/legal-hold`, { caseReference: 'X-1', reason: 'not allowed' }),
  ).toBe(403);
  expect(await status(page.request, 'POST', '/api/audit/exports', {})).toBe(403);
  expect(await status(page.request, 'GET', '/api/users')).toBe(403);
  await page.goto(`/recordings/${archived.id}`);
  await expect(page).toHaveURL(/\/quarantine$/);
});

test('auditor: read-only archive with masked identifiers, playback with a reason, exports', async ({ page, signInAs, makeRecording }) => {
  const rec = await makeRecording({ truncated: true, seconds: 4, vendorSeconds: 9 });
  await signInAs('AUDITOR');
  await page.goto(`/recordings/${rec.id}`);
  expect(await navLabels(page)).toEqual(['Archive', 'Matters', 'Audit export', 'Reconciliation']);
  await expect(page.getByTestId('participant').filter({ hasText: 'Customer' })).toContainText('•••');
  await expect(page.locator('main')).not.toContainText(rec.customerNumber);
  await expect(page.getByRole('button', { name: 'Place legal hold' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request playback' })).toBeVisible();
  const body = await (await page.request.get(`/api/recordings/${rec.id}`)).text();
  expect(body).not.toContain(rec.customerNumber); // participants, raw payload and evidence all masked server-side
  expect(body).toContain(rec.agentName);
  expect(await status(page.request, 'POST', `/api/recordings/${rec.id}/legal-hold`, { caseReference: 'X-1', reason: 'not allowed' })).toBe(
    403,
  );
  expect(await status(page.request, 'POST', `/api/recordings/${rec.id}/legal-hold/lift`, { reason: 'not allowed' })).toBe(403);
  expect(await status(page.request, 'POST', `/api/quarantine/${rec.caseId}/decision`, { decision: 'accept', note: 'not mine' })).toBe(403);
  expect(await status(page.request, 'GET', '/api/quarantine')).toBe(403);
  expect(await status(page.request, 'GET', '/api/operations/dead-letters')).toBe(403);
  expect(await status(page.request, 'PATCH', `/api/users/${rec.id}`, { role: 'ADMIN' })).toBe(403);
  expect(await status(page.request, 'POST', `/api/recordings/${rec.id}/playback`, { reason: 'Quarterly sampling Q2' })).toBe(200);
  expect(await status(page.request, 'POST', `/api/recordings/${rec.id}/playback`, { reason: 'short' })).toBe(422);
  const history = await (await page.request.get(`/api/recordings/${rec.id}/audit`)).json();
  expect(history.entries.map((e: { action: string }) => e.action)).toContain('playback.issued');
});

test('admin: every page, user administration audited', async ({ page, signInAs }) => {
  const admin = await signInAs('ADMIN');
  await page.goto('/admin/users');
  expect(await navLabels(page)).toEqual(['Archive', 'Matters', 'Quarantine', 'Audit export', 'Reconciliation', 'Operations', 'Users']);
  const email = `e2e-new-${Date.now()}@callvault.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name').fill('New Reviewer');
  await page.getByLabel('Role', { exact: true }).selectOption('REVIEWER');
  await page.getByLabel('Initial password').fill('a-long-initial-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row).toBeVisible();
  // Choosing a role changes nothing until confirmed; Escape leaves the role as it was.
  await row.getByLabel(`Role of ${email}`).selectOption('ADMIN');
  await cancelDialogWithEscape(page);
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('REVIEWER');
  expect((await db().user.findUniqueOrThrow({ where: { email } })).role).toBe('REVIEWER');
  await row.getByLabel(`Role of ${email}`).selectOption('AUDITOR');
  await confirmDialog(page, 'Make Auditor', { mentions: 'Every session of theirs ends' });
  await expect.poll(async () => (await db().user.findUniqueOrThrow({ where: { email } })).role).toBe('AUDITOR');
  await row.getByRole('button', { name: `Disable ${email}` }).click();
  await confirmDialog(page, 'Disable', { typed: email });
  await expect(row).toContainText('Disabled');
  const created = await db().user.findUniqueOrThrow({ where: { email } });
  await flushAuditSequencer();
  const actions = (
    await db().auditEntry.findMany({ where: { subjectType: 'user', subjectId: created.id }, orderBy: { sequence: 'asc' } })
  ).map((e) => [e.action, e.actorId]);
  expect(actions).toEqual([
    ['user.created', admin.id],
    ['user.role_changed', admin.id],
    ['user.disabled', admin.id],
  ]);
  await page.goto('/operations');
  await expect(page.getByTestId('health')).toContainText('postgres: up');
  await expect(page.getByTestId('queue-stats')).toBeVisible();
});
