// The admin's operations page: service health, queues, and replaying a dead-lettered archive job.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { archiveJobId } from '@/lib/queue/contracts';
import { expect, test } from './fixtures';
import { confirmDialog } from './support/confirm-dialog';
import { E2E_ACCOUNT_IDS } from './support/e2e-vendors';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

test('admin replays a dead letter from the operations page', async ({ page, signInAs }) => {
  const vendorRecordingId = `rec-dl-${randomUUID()}`;
  const dead = await db().deadLetter.create({
    data: {
      queue: 'archive-genesys-cloud',
      jobId: archiveJobId('GENESYS_CLOUD', vendorRecordingId),
      jobName: 'recording.archive',
      vendorSource: 'GENESYS_CLOUD',
      vendorRecordingId,
      payload: {
        vendorSource: 'GENESYS_CLOUD',
        vendorAccountId: E2E_ACCOUNT_IDS.genesys.us,
        vendorRecordingId,
        interactionId: null,
        interactionDate: '2026-05-14',
        source: 'WEBHOOK',
      },
      failedReason: 'vendor answered 503 three times',
      attemptsMade: 3,
    },
  });
  const admin = await signInAs('ADMIN');
  await page.goto('/operations');
  await expect(page.getByTestId('health')).toContainText('redis: up');
  const row = page.getByTestId('dead-letters').getByRole('row').filter({ hasText: vendorRecordingId });
  await expect(row).toContainText('vendor answered 503 three times');
  await row.getByRole('button', { name: `Replay genesys-cloud:${vendorRecordingId}` }).click();
  await confirmDialog(page, 'Replay', { mentions: 'This applies to 1 job.' });
  // This dead letter leaves the "not replayed" list (the replayed job may fail anew: the simulator has no such
  // recording, and a new dead letter carries its own reason).
  const original = page
    .getByTestId('dead-letters')
    .getByRole('row')
    .filter({ hasText: vendorRecordingId })
    .filter({ hasText: 'vendor answered 503 three times' });
  await expect(original).toHaveCount(0);
  const replayed = await db().deadLetter.findUniqueOrThrow({ where: { id: dead.id } });
  expect(replayed.replayedBy).toBe(admin.id);
  await flushAuditSequencer();
  const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'dead_letter.replayed', subjectId: dead.id } });
  expect(entry.actorId).toBe(admin.id);
});
