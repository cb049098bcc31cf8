// The home dashboard's figures, each section only for the roles that may see it (the permission matrix
// decides): archive throughput (today, this ISO week, per day for 14 days), ingestion lag per vendor
// account, open quarantine by reason, open dead letters, the oldest delivery not yet archived, and each
// vendor account's latest reconciliation. One aggregate query per section, run concurrently: the cost
// does not grow with the number of vendor accounts, reasons or days.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { ACTIVE_STATES } from '@/lib/quarantine/quarantine-query';
import { vendorAccounts } from '@/lib/vendors/accounts';

const DAY_MS = 86_400_000;
export const DASHBOARD_DAYS = 14;

export type TDashboard = {
  generatedAt: string;
  archive: { today: number; thisWeek: number; perDay: { day: string; archived: number }[] };
  ingestion:
    | {
        vendorAccountId: string;
        name: string;
        vendorSource: string;
        lastReceivedAt: string | null;
        lastArchivedAt: string | null;
        lagSeconds: number | null;
      }[]
    | null;
  quarantine: { open: number; byReason: { reason: string; open: number }[] } | null;
  deadLetters: { open: number } | null;
  oldestUnarchived: { idempotencyKey: string; receivedAt: string; ageSeconds: number; pending: number } | null | undefined;
  reconciliation:
    | {
        vendorAccountId: string;
        day: string;
        listed: number;
        matched: number;
        missing: number;
        mismatched: number;
        pending: number;
        completedAt: string;
        clean: boolean;
      }[]
    | null;
};

const startOfUtcDay = (t: Date) => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
const isoDay = (t: Date) => t.toISOString().slice(0, 10);

async function archiveFigures(now: Date): Promise<TDashboard['archive']> {
  const today = startOfUtcDay(now);
  const since = new Date(today.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS);
  const rows = await db().$queryRaw<{ day: string; n: bigint }[]>`
    SELECT to_char(("archivedAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*) AS n
    FROM "Recording" WHERE "archivedAt" >= ${since} GROUP BY 1`;
  const counts = new Map(rows.map((r) => [r.day, Number(r.n)]));
  const perDay = Array.from({ length: DASHBOARD_DAYS }, (_, i) => {
    const day = isoDay(new Date(since.getTime() + i * DAY_MS));
    return { day, archived: counts.get(day) ?? 0 };
  });
  // ISO week: from Monday 00:00 UTC (at most 7 days back, always inside the 14 days queried).
  const monday = isoDay(new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS));
  return { today: perDay.at(-1)!.archived, thisWeek: perDay.filter((d) => d.day >= monday).reduce((s, d) => s + d.archived, 0), perDay };
}

async function ingestionLag(now: Date): Promise<NonNullable<TDashboard['ingestion']>> {
  const [received, archived] = await Promise.all([
    db().$queryRaw<
      { id: string; at: Date }[]
    >`SELECT "vendorAccountId" AS id, max("receivedAt") AS at FROM "IngestEvent" WHERE "vendorAccountId" IS NOT NULL GROUP BY 1`,
    db().$queryRaw<
      { id: string; at: Date }[]
    >`SELECT "vendorAccountId" AS id, max("archivedAt") AS at FROM "Recording" WHERE "vendorAccountId" IS NOT NULL AND "archivedAt" IS NOT NULL GROUP BY 1`,
  ]);
  const rec = new Map(received.map((r) => [r.id, r.at]));
  const arc = new Map(archived.map((r) => [r.id, r.at]));
  const configured = vendorAccounts().map((a) => ({ id: a.id, name: a.name, vendorSource: a.vendorSource as string }));
  const known = new Set(configured.map((a) => a.id));
  const others = [...new Set([...rec.keys(), ...arc.keys()])]
    .filter((id) => !known.has(id))
    .map((id) => ({ id, name: id, vendorSource: 'unknown' }));
  return [...configured, ...others].map((a) => {
    const lastReceived = rec.get(a.id) ?? null;
    const lastArchived = arc.get(a.id) ?? null;
    return {
      vendorAccountId: a.id,
      name: a.name,
      vendorSource: a.vendorSource,
      lastReceivedAt: lastReceived?.toISOString() ?? null,
      lastArchivedAt: lastArchived?.toISOString() ?? null,
      // Nothing archived yet is no lag figure at all, not zero.
      lagSeconds: lastArchived ? Math.max(0, Math.round((now.getTime() - lastArchived.getTime()) / 1000)) : null,
    };
  });
}

async function openQuarantine(): Promise<NonNullable<TDashboard['quarantine']>> {
  const groups = await db().quarantineCase.groupBy({
    by: ['reason'],
    where: { state: { in: [...ACTIVE_STATES] } },
    _count: { _all: true },
  });
  const byReason = groups
    .map((g) => ({ reason: g.reason as string, open: g._count._all }))
    .sort((a, b) => b.open - a.open || a.reason.localeCompare(b.reason));
  return { open: byReason.reduce((s, g) => s + g.open, 0), byReason };
}

// A delivery is settled when its recording is ARCHIVED or QUARANTINED (an interaction event: once resolved).
const UNSETTLED = Prisma.sql`
  FROM "IngestEvent" e
  WHERE e.duplicate = false AND (
    (e.kind::text = 'RECORDING' AND NOT EXISTS (
      SELECT 1 FROM "Recording" r WHERE r."vendorSource" = e."vendorSource" AND r."vendorRecordingId" = e."vendorRecordingId" AND r.status::text IN ('ARCHIVED', 'QUARANTINED')))
    OR (e.kind::text = 'INTERACTION' AND e."resolvedAt" IS NULL))`;

async function oldestUnarchived(now: Date): Promise<TDashboard['oldestUnarchived']> {
  const [[oldest], [{ n }]] = await Promise.all([
    db().$queryRaw<
      { key: string; at: Date }[]
    >`SELECT e."idempotencyKey" AS key, e."receivedAt" AS at ${UNSETTLED} ORDER BY e."receivedAt" ASC LIMIT 1`,
    db().$queryRaw<[{ n: bigint }]>`SELECT count(DISTINCT e."idempotencyKey") AS n ${UNSETTLED}`,
  ]);
  if (!oldest) return null;
  return {
    idempotencyKey: oldest.key,
    receivedAt: oldest.at.toISOString(),
    ageSeconds: Math.max(0, Math.round((now.getTime() - oldest.at.getTime()) / 1000)),
    pending: Number(n),
  };
}

async function latestReconciliation(): Promise<NonNullable<TDashboard['reconciliation']>> {
  const rows = await db().$queryRaw<
    {
      vendorAccountId: string;
      day: string;
      listed: number;
      matched: number;
      missing: number;
      mismatched: number;
      pending: number;
      completedAt: Date;
    }[]
  >`
    SELECT DISTINCT ON ("vendorAccountId") "vendorAccountId", day, "listedCount" AS listed, "matchedCount" AS matched,
      "missingCount" AS missing, "mismatchCount" AS mismatched, "pendingCount" AS pending, "completedAt"
    FROM "ReconciliationReport" ORDER BY "vendorAccountId", day DESC, "completedAt" DESC`;
  return rows.map((r) => ({
    ...r,
    completedAt: r.completedAt.toISOString(),
    clean: r.missing === 0 && r.mismatched === 0 && r.pending === 0,
  }));
}

const unless = <T>(allowed: boolean, load: () => Promise<T>): Promise<T | null> => (allowed ? load() : Promise.resolve(null));

export async function getDashboard(role: TRole, now = new Date()): Promise<TDashboard> {
  const ops = can(role, 'operations.view');
  const [archive, ingestion, quarantine, deadLetters, unarchived, reconciliation] = await Promise.all([
    archiveFigures(now),
    unless(ops, () => ingestionLag(now)),
    unless(can(role, 'quarantine.view'), openQuarantine),
    unless(ops, async () => ({ open: await db().deadLetter.count({ where: { replayedAt: null } }) })),
    ops ? oldestUnarchived(now) : Promise.resolve(undefined),
    unless(can(role, 'reconciliation.view'), latestReconciliation),
  ]);
  return { generatedAt: now.toISOString(), archive, ingestion, quarantine, deadLetters, oldestUnarchived: unarchived, reconciliation };
}
