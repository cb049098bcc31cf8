// The archive side of a reconciliation. For each recording the vendor listed: ARCHIVED (then its stored
// version and durations are checked), QUARANTINED (accounted for, under review), or not settled — "pending"
// when a delivery of it was received (the pipeline or the sweep owns it), "missing" when nothing ever arrived.
// Recordings the archive holds for the account and day that the vendor no longer lists are "extra".
import type { S3Client } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { idempotencyKey } from '@/lib/queue/contracts';
import { checkStoredVersion } from '@/lib/reconcile/check-stored-version';
import type { TFinding, TReconcileCounts } from '@/lib/reconcile/types';
import type { TListedRecording, TVendorAccount } from '@/lib/vendors/types';

const CHUNK = 1000;
const STORAGE_CHECKS_AT_ONCE = 8;
const DAY_MS = 24 * 3600_000;

export type TComparison = { counts: Omit<TReconcileCounts, 'redriven'>; findings: TFinding[]; missing: TListedRecording[] };

type TRow = Awaited<ReturnType<typeof loadRows>>[number];

async function loadRows(account: TVendorAccount, ids: string[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db().recording.findMany({
        where: { vendorSource: account.vendorSource, vendorRecordingId: { in: ids.slice(i, i + CHUNK) } },
        select: {
          vendorRecordingId: true,
          status: true,
          storageBucket: true,
          storageKey: true,
          storageVersionId: true,
          sizeBytes: true,
          checksumSha256: true,
          durationSeconds: true,
          measuredDurationSeconds: true,
        },
      })),
    );
  }
  return rows;
}

async function deliveredKeys(keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const events = await db().ingestEvent.findMany({
      where: { idempotencyKey: { in: keys.slice(i, i + CHUNK) } },
      select: { idempotencyKey: true },
      distinct: ['idempotencyKey'],
    });
    for (const e of events) found.add(e.idempotencyKey);
  }
  return found;
}

async function checkArchived(s3: S3Client, listed: TListedRecording, row: TRow): Promise<TFinding[]> {
  const base = { vendorRecordingId: listed.vendorRecordingId, interactionId: listed.interactionId, archiveStatus: row.status };
  const findings: TFinding[] = [];
  const storage = await checkStoredVersion(s3, row);
  if (storage) findings.push({ ...base, kind: 'checksum_mismatch', detail: storage });
  const stated = row.durationSeconds?.toNumber();
  const measured = row.measuredDurationSeconds?.toNumber();
  if (stated !== undefined && measured !== undefined && Math.abs(stated - measured) > env().DURATION_TOLERANCE_SECONDS) {
    findings.push({ ...base, kind: 'duration_mismatch', detail: `vendor states ${stated} s, stored media measures ${measured} s` });
  }
  return findings;
}

async function inLanes<T>(items: T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

async function extras(account: TVendorAccount, day: string, listedIds: Set<string>): Promise<TFinding[]> {
  const from = new Date(`${day}T00:00:00.000Z`);
  const rows = await db().recording.findMany({
    where: { vendorAccountId: account.id, startTime: { gte: from, lt: new Date(from.getTime() + DAY_MS) } },
    select: { vendorRecordingId: true, interactionId: true, status: true },
  });
  return rows
    .filter((r) => !listedIds.has(r.vendorRecordingId))
    .map((r) => ({
      kind: 'extra',
      vendorRecordingId: r.vendorRecordingId,
      interactionId: r.interactionId,
      archiveStatus: r.status,
      detail: 'in the archive for this day, not in the vendor listing',
    }));
}

export async function compareWithArchive(
  s3: S3Client,
  account: TVendorAccount,
  day: string,
  listed: TListedRecording[],
): Promise<TComparison> {
  const rows = new Map(
    (
      await loadRows(
        account,
        listed.map((r) => r.vendorRecordingId),
      )
    ).map((r) => [r.vendorRecordingId, r]),
  );
  const unsettled = listed.filter((r) => !['ARCHIVED', 'QUARANTINED'].includes(rows.get(r.vendorRecordingId)?.status ?? ''));
  const delivered = await deliveredKeys(unsettled.map((r) => idempotencyKey(account.vendorSource, r.vendorRecordingId)));
  const findings: TFinding[] = [];
  const missing: TListedRecording[] = [];
  for (const r of unsettled) {
    const status = rows.get(r.vendorRecordingId)?.status ?? null;
    if (delivered.has(idempotencyKey(account.vendorSource, r.vendorRecordingId))) {
      findings.push({
        kind: 'pending',
        vendorRecordingId: r.vendorRecordingId,
        interactionId: r.interactionId,
        archiveStatus: status,
        detail: 'delivered, not yet archived',
      });
    } else missing.push(r);
  }
  const archived = listed.filter((r) => rows.get(r.vendorRecordingId)?.status === 'ARCHIVED');
  await inLanes(
    archived,
    STORAGE_CHECKS_AT_ONCE,
    async (r) => void findings.push(...(await checkArchived(s3, r, rows.get(r.vendorRecordingId)!))),
  );
  const extra = await extras(account, day, new Set(listed.map((r) => r.vendorRecordingId)));
  findings.push(...extra);
  const mismatched = new Set(findings.filter((f) => f.kind.endsWith('_mismatch')).map((f) => f.vendorRecordingId)).size;
  const counts = {
    listed: listed.length,
    matched: archived.length - mismatched,
    quarantined: listed.filter((r) => rows.get(r.vendorRecordingId)?.status === 'QUARANTINED').length,
    missing: missing.length,
    pending: unsettled.length - missing.length,
    extra: extra.length,
    mismatched,
  };
  return { counts, findings, missing };
}
