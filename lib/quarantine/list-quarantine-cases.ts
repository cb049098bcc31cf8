// The review queue as rows: filtered, sorted and paged in the database, with the total and the count per
// reason under the same filters (reason aside), so the page shows how much work there is of each kind.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  ACTIVE_STATES,
  QUARANTINE_REASONS,
  ZQuarantineQuery,
  type TQuarantineQuery,
  type TQuarantineQueryInput,
} from '@/lib/quarantine/quarantine-query';

const HOUR_MS = 3_600_000;

function ageWhere(age: TQuarantineQuery['age'], now: number): Prisma.QuarantineCaseWhereInput {
  const slaCut = new Date(now - env().QUARANTINE_SLA_HOURS * HOUR_MS);
  if (age === 'past_sla') return { createdAt: { lt: slaCut } };
  if (age === 'within_sla') return { createdAt: { gte: slaCut } };
  if (age === 'over_7d') return { createdAt: { lt: new Date(now - 7 * 24 * HOUR_MS) } };
  return {};
}

/** Who is looking: "mine" means their cases; a region-scoped user sees only their regions' cases. */
export type TQueueViewer = { id: string; regions: readonly string[] };

function assigneeWhere(assignee: TQuarantineQuery['assignee'], viewer: TQueueViewer | null): Prisma.QuarantineCaseWhereInput {
  if (assignee === undefined) return {};
  if (assignee === 'unassigned') return { assignedToId: null };
  // "mine" without a viewer matches nothing rather than everything.
  return { assignedToId: assignee === 'me' ? (viewer?.id ?? '00000000-0000-0000-0000-000000000000') : assignee };
}

function recordingWhere(q: TQuarantineQuery, viewer: TQueueViewer | null): Prisma.RecordingWhereInput | null {
  const scoped = viewer && viewer.regions.length > 0 ? [...viewer.regions] : null;
  const and: Prisma.RecordingWhereInput[] = [];
  if (q.vendor) and.push({ vendorSource: q.vendor });
  if (q.region) and.push({ dataResidencyRegion: q.region });
  if (scoped) and.push({ dataResidencyRegion: { in: scoped } });
  return and.length > 0 ? { AND: and } : null;
}

/** Every filter but the reason: the per-reason counts are taken under it. */
function baseWhere(q: TQuarantineQuery, viewer: TQueueViewer | null, now: number): Prisma.QuarantineCaseWhereInput {
  const state = q.state === 'ALL' ? {} : { state: q.state === 'ACTIVE' ? { in: [...ACTIVE_STATES] } : q.state };
  const recording = recordingWhere(q, viewer);
  return {
    ...state,
    ...ageWhere(q.age, now),
    ...assigneeWhere(q.assignee, viewer),
    ...(q.caseId ? { id: q.caseId } : {}),
    ...(q.recordingId ? { recordingId: q.recordingId } : {}),
    ...(recording ? { recording } : {}),
  };
}

function orderBy(q: TQuarantineQuery): Prisma.QuarantineCaseOrderByWithRelationInput[] {
  // Age descending = oldest first (the case waiting longest); ascending = newest first.
  const dir = q.dir;
  const primary: Record<TQuarantineQuery['sort'], Prisma.QuarantineCaseOrderByWithRelationInput> = {
    age: { createdAt: dir === 'desc' ? 'asc' : 'desc' },
    reason: { reason: dir },
    state: { state: dir },
    vendor: { recording: { vendorSource: dir } },
    region: { recording: { dataResidencyRegion: { sort: dir, nulls: 'last' } } },
    assignee: { assignedTo: { email: dir } },
  };
  return [primary[q.sort], { createdAt: 'asc' }, { id: 'asc' }];
}

const RECORDING_FIELDS = {
  id: true,
  archiveId: true,
  vendorSource: true,
  vendorRecordingId: true,
  interactionId: true,
  startTime: true,
  status: true,
  durationSeconds: true,
  measuredDurationSeconds: true,
  sizeBytes: true,
  mediaFormat: true,
  dataResidencyRegion: true,
  complianceTags: true,
  legalHold: true,
} as const;

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export async function listQuarantineCases(input: TQuarantineQueryInput = {}, viewer: TQueueViewer | null = null) {
  const q = ZQuarantineQuery.parse(input);
  const base = baseWhere(q, viewer, Date.now());
  const where = q.reason ? { ...base, reason: q.reason } : base;
  const [rows, total, grouped] = await Promise.all([
    db().quarantineCase.findMany({
      where,
      orderBy: orderBy(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: {
        recording: { select: RECORDING_FIELDS },
        resolvedBy: { select: { id: true, email: true, name: true } },
        assignedTo: { select: { id: true, email: true, name: true } },
      },
    }),
    db().quarantineCase.count({ where }),
    db().quarantineCase.groupBy({ by: ['reason'], where: base, _count: { _all: true } }),
  ]);
  const byReason = Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, grouped.find((g) => g.reason === r)?._count._all ?? 0])) as Record<
    (typeof QUARANTINE_REASONS)[number],
    number
  >;
  const items = rows.map((c) => ({
    ...c,
    recording: {
      ...c.recording,
      durationSeconds: num(c.recording.durationSeconds),
      measuredDurationSeconds: num(c.recording.measuredDurationSeconds),
      sizeBytes: c.recording.sizeBytes === null ? null : Number(c.recording.sizeBytes),
    },
  }));
  return {
    items,
    total,
    byReason,
    allReasons: Object.values(byReason).reduce((a, b) => a + b, 0),
    page: q.page,
    pageSize: q.pageSize,
    query: q,
  };
}
