// A reconciliation report row for console tests of the report pages (the reconciliation itself, against
// the simulators' listings, is tested in tests/integration/reconcile-day.test.ts).
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export async function seedReconciliationReport(): Promise<{ id: string; day: string; missingId: string }> {
  const id = randomUUID();
  const missingId = `e2e-missing-${id.slice(0, 8)}`;
  const day = '2026-03-14';
  await db().reconciliationReport.create({
    data: {
      id,
      vendorAccountId: `e2e-acct-${id.slice(0, 8)}`,
      vendorSource: 'GENESYS_CLOUD',
      day,
      listedCount: 3,
      matchedCount: 2,
      quarantinedCount: 0,
      missingCount: 1,
      redrivenCount: 1,
      pendingCount: 0,
      extraCount: 0,
      mismatchCount: 0,
      findings: [
        {
          kind: 'missing',
          vendorRecordingId: missingId,
          interactionId: 'conv-1',
          archiveStatus: null,
          detail: 'never delivered; archive job queued',
          redriven: true,
        },
      ],
      bucket: 'cv-audit-us',
      key: `reconciliation/e2e/${day}/${id}.json`,
      versionId: 'v1',
      sha256: 'a'.repeat(64),
      signature: 'b'.repeat(64),
      keyId: 'k1',
      startedAt: new Date(),
      completedAt: new Date(),
    },
  });
  return { id, day, missingId };
}
