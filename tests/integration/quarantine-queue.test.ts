// The quarantine work queue on real Postgres and Redis: server-side filters (reason, age/SLA, vendor, region,
// assignee incl. "me"/"unassigned"), sorting, paging and the counts; assignment; bulk decisions (each case its
// own audit entry, refused cases reported, the rest decided); masking of what a reviewer sees; bad queries.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDetails, createTestUser } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import type { QuarantineReason, QuarantineState, VendorSource } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/http/app-error';
import { assignQuarantineCase } from '@/lib/quarantine/assign-quarantine-case';
import { listQuarantineCases } from '@/lib/quarantine/list-quarantine-cases';
import { listQuarantineQueue } from '@/lib/quarantine/list-quarantine-queue';
import { parseQuarantineQuery } from '@/lib/quarantine/quarantine-query';
import { resolveQuarantineCases } from '@/lib/quarantine/resolve-quarantine-cases';
import { archiveQueue, closeQueues } from '@/lib/queue/queues';
import { producerRedis } from '@/lib/redis';

const HOUR = 3_600_000;
// Each run works in its own region, so cases other tests left in the database never count here.
const region = `q${randomUUID().slice(0, 8)}`;
const accountId = `queue-test-${region}`;
let reviewer: Awaited<ReturnType<typeof createTestUser>>;
let other: Awaited<ReturnType<typeof createTestUser>>;

type TCaseSpec = {
  reason?: QuarantineReason;
  vendor?: VendorSource;
  ageHours?: number;
  state?: QuarantineState;
  assignedToId?: string;
  evidence?: object;
  region?: string;
};

async function makeCase(spec: TCaseSpec = {}) {
  const id = randomUUID();
  const vendorRecordingId = `rec-q-${randomUUID()}`;
  await db().recording.create({
    data: {
      id,
      archiveId: `CV-Q-${id}`,
      vendorSource: spec.vendor ?? 'GENESYS_CLOUD',
      vendorRecordingId,
      vendorAccountId: accountId,
      interactionId: `int-${id}`,
      startTime: new Date('2026-11-30T10:00:00Z'),
      status: 'QUARANTINED',
      dataResidencyRegion: spec.region ?? region,
      searchText: vendorRecordingId,
      participants: {
        create: [
          { role: 'AGENT', identifier: 'agent-1', displayName: 'Agent One', position: 0 },
          { role: 'CUSTOMER', identifier: '+15550001234', displayName: '+15550001234', position: 1 },
        ],
      },
    },
  });
  const c = await db().quarantineCase.create({
    data: {
      recordingId: id,
      reason: spec.reason ?? 'TRUNCATION_DETECTED',
      tags: [],
      state: spec.state ?? 'OPEN',
      assignedToId: spec.assignedToId ?? null,
      evidence: spec.evidence ?? {
        vendorDurationSeconds: 30,
        measuredDurationSeconds: 24,
        deltaSeconds: -6,
        toleranceSeconds: 2,
        sizeBytes: 192_044,
      },
      createdAt: new Date(Date.now() - (spec.ageHours ?? 1) * HOUR),
    },
  });
  return c.id;
}

beforeAll(async () => {
  await db().vendorAccount.create({
    data: {
      id: accountId,
      vendorSource: 'GENESYS_CLOUD',
      name: 'queue test',
      instance: 'mypurecloud.com',
      residencyRegion: region,
      apiBaseUrl: 'http://127.0.0.1:9',
    },
  });
  reviewer = await createTestUser('REVIEWER');
  other = await createTestUser('REVIEWER');
});

afterAll(async () => {
  await closeQueues();
  producerRedis().disconnect();
  await db().$disconnect();
});

const ids = (r: { items: { id: string }[] }) => r.items.map((c) => c.id);

describe('quarantine work queue', () => {
  it('filters by reason, vendor, age against the SLA and assignee, with the total and per-reason counts', async () => {
    const old = await makeCase({ ageHours: 30 });
    const fresh = await makeCase({ ageHours: 2, assignedToId: reviewer.id });
    const meta = await makeCase({
      reason: 'INVALID_METADATA',
      vendor: 'NICE_CXONE',
      ageHours: 200,
      evidence: { problems: [{ field: 'direction', problem: 'missing' }] },
    });
    await makeCase({ reason: 'CHECKSUM_MISMATCH', state: 'ACCEPTED' });
    const me = { id: reviewer.id, regions: [] };

    const all = await listQuarantineCases({ region }, me);
    expect(all.total).toBe(3); // ACTIVE by default: the accepted one is not work any more
    expect(all.byReason).toMatchObject({ TRUNCATION_DETECTED: 2, INVALID_METADATA: 1, CHECKSUM_MISMATCH: 0 });
    const truncated = await listQuarantineCases({ region, reason: 'TRUNCATION_DETECTED' }, me);
    expect(ids(truncated).sort()).toEqual([old, fresh].sort());
    expect(truncated.total).toBe(2);
    expect(truncated.byReason.INVALID_METADATA).toBe(1); // the counts ignore the reason filter itself
    expect(ids(await listQuarantineCases({ region, vendor: 'NICE_CXONE' }, me))).toEqual([meta]);
    expect(ids(await listQuarantineCases({ region, age: 'past_sla' }, me)).sort()).toEqual([old, meta].sort());
    expect(ids(await listQuarantineCases({ region, age: 'within_sla' }, me))).toEqual([fresh]);
    expect(ids(await listQuarantineCases({ region, age: 'over_7d' }, me))).toEqual([meta]);
    expect(ids(await listQuarantineCases({ region, assignee: 'me' }, me))).toEqual([fresh]);
    expect(ids(await listQuarantineCases({ region, assignee: 'unassigned' }, me)).sort()).toEqual([old, meta].sort());
    expect(ids(await listQuarantineCases({ region, assignee: reviewer.id }, me))).toEqual([fresh]);
    expect((await listQuarantineCases({ region, state: 'ALL' }, me)).total).toBe(4);
    // A region-scoped user never sees another region's cases, whatever the filter asks.
    expect((await listQuarantineCases({ region }, { id: reviewer.id, regions: ['eu'] })).total).toBe(0);
  });

  it('sorts by age (newest first by default, oldest first descending), reason and assignee, and pages', async () => {
    const r = `${region}-s`;
    const a = await makeCase({ region: r, ageHours: 5, reason: 'INVALID_MEDIA' });
    const b = await makeCase({ region: r, ageHours: 50, reason: 'CHECKSUM_MISMATCH', assignedToId: other.id });
    const c = await makeCase({ region: r, ageHours: 10, reason: 'TRUNCATION_DETECTED', assignedToId: reviewer.id });
    expect(ids(await listQuarantineCases({ region: r }))).toEqual([a, c, b]);
    expect(ids(await listQuarantineCases({ region: r, sort: 'age', dir: 'desc' }))).toEqual([b, c, a]);
    expect(ids(await listQuarantineCases({ region: r, sort: 'reason', dir: 'asc' }))).toEqual([c, b, a]);
    const byAssignee = ids(await listQuarantineCases({ region: r, sort: 'assignee', dir: 'asc' }));
    expect(byAssignee.slice(0, 2)).toEqual(reviewer.email < other.email ? [c, b] : [b, c]);
    const page1 = await listQuarantineCases({ region: r, dir: 'desc', pageSize: 2, page: 1 });
    const page2 = await listQuarantineCases({ region: r, dir: 'desc', pageSize: 2, page: 2 });
    expect([...ids(page1), ...ids(page2)]).toEqual([b, c, a]);
    expect(page2.total).toBe(3);
  });

  it('rejects bad query parameters with a 400 naming them', () => {
    const bad = (q: Record<string, unknown>) => {
      try {
        parseQuarantineQuery(q);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('accepted a bad query');
    };
    expect(bad({ reason: 'TRUNCATED' })).toMatchObject({ code: 'bad_request', status: 400, message: expect.stringContaining('reason') });
    expect(bad({ pageSize: '1000' }).message).toContain('pageSize');
    expect(bad({ assignee: 'bob' }).message).toContain('assignee');
    expect(bad({ sort: 'customer' }).message).toContain('sort');
    expect(bad({ colour: 'red' }).message).toContain('colour');
    expect(parseQuarantineQuery({ reason: '', page: '2' })).toMatchObject({
      reason: undefined,
      page: 2,
      state: 'ACTIVE',
      sort: 'age',
      dir: 'asc',
    });
  });

  it('assigns to me, to another reviewer and back, auditing each change; refuses non-reviewers and finished cases', async () => {
    const id = await makeCase();
    await assignQuarantineCase({ caseId: id, assignee: 'me', user: reviewer });
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id } })).assignedToId).toBe(reviewer.id);
    await assignQuarantineCase({ caseId: id, assignee: other.id, user: reviewer });
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id } })).assignedToId).toBe(other.id);
    await assignQuarantineCase({ caseId: id, assignee: null, user: other });
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id } })).assignedToId).toBeNull();
    expect(await auditDetails(id, 'quarantine.assigned')).toEqual([
      expect.objectContaining({ from: null, to: reviewer.email }),
      expect.objectContaining({ from: reviewer.email, to: other.email }),
    ]);
    expect(await auditDetails(id, 'quarantine.unassigned')).toEqual([
      expect.objectContaining({ from: other.email, to: null, userEmail: other.email }),
    ]);

    const officer = await createTestUser('OFFICER');
    await expect(assignQuarantineCase({ caseId: id, assignee: officer.id, user: reviewer })).rejects.toMatchObject({
      code: 'unprocessable',
    });
    await expect(assignQuarantineCase({ caseId: id, assignee: 'me', user: officer })).rejects.toMatchObject({ code: 'forbidden' });
    const done = await makeCase({ state: 'RESOLVED' });
    await expect(assignQuarantineCase({ caseId: done, assignee: 'me', user: reviewer })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('bulk accept decides each case on its own with its own audit entry, and reports the refused one', async () => {
    const r = `${region}-b`;
    const [a, b] = [await makeCase({ region: r }), await makeCase({ region: r, reason: 'INVALID_METADATA' })];
    const decided = await makeCase({ region: r, state: 'ACCEPTED' });
    const result = await resolveQuarantineCases({
      caseIds: [a, b, decided],
      decision: 'accept',
      note: 'vendor confirmed all three calls',
      user: reviewer,
    });
    expect(result).toMatchObject({ decided: 2, failed: 1 });
    expect(result.results.find((x) => x.caseId === decided)).toMatchObject({ ok: false, code: 'conflict' });
    for (const id of [a, b]) {
      expect(await db().quarantineCase.findUniqueOrThrow({ where: { id } })).toMatchObject({
        state: 'ACCEPTED',
        resolvedById: reviewer.id,
        resolutionNote: 'vendor confirmed all three calls',
      });
      expect(await auditDetails(id, 'quarantine.resolved')).toEqual([
        expect.objectContaining({ decision: 'accept', batchId: result.batchId, batchSize: 3, note: 'vendor confirmed all three calls' }),
      ]);
    }
    expect(await auditDetails(decided, 'quarantine.resolved')).toEqual([]);
    const counts = await listQuarantineCases({ region: r });
    expect(counts.total).toBe(0);
  });

  it('bulk re-fetch queues one job per case and shows each as queued', async () => {
    const r = `${region}-r`;
    const cases = [await makeCase({ region: r }), await makeCase({ region: r, state: 'REFETCH_FAILED' })];
    const result = await resolveQuarantineCases({
      caseIds: cases,
      decision: 'refetch',
      note: 'vendor re-uploaded the media',
      user: reviewer,
    });
    expect(result).toMatchObject({ decided: 2, failed: 0 });
    const listed = await listQuarantineQueue({ region: r }, { ...reviewer, regions: [] });
    expect(listed.items.map((c) => [c.state, c.refetch?.status])).toEqual([
      ['REFETCH_REQUESTED', 'QUEUED'],
      ['REFETCH_REQUESTED', 'QUEUED'],
    ]);
    for (const id of cases) {
      const [entry] = await auditDetails(id, 'quarantine.resolved');
      const job = await archiveQueue('GENESYS_CLOUD').getJob(String(entry?.jobId));
      expect(job?.data).toMatchObject({ source: 'REFETCH', quarantineCaseId: id });
      await job?.remove();
    }
  });

  it('a region-scoped reviewer cannot decide or assign cases of another region', async () => {
    const id = await makeCase();
    const scoped = { ...reviewer, regions: ['eu'] };
    const result = await resolveQuarantineCases({ caseIds: [id], decision: 'accept', note: 'outside my regions', user: scoped });
    expect(result.results).toEqual([expect.objectContaining({ caseId: id, ok: false, code: 'forbidden' })]);
    await expect(assignQuarantineCase({ caseId: id, assignee: 'me', user: scoped })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().quarantineCase.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'OPEN', assignedToId: null });
  });

  it('validates bulk input: at least one case, no duplicates, a note', async () => {
    const id = await makeCase();
    await expect(resolveQuarantineCases({ caseIds: [], decision: 'accept', note: 'fine', user: reviewer })).rejects.toThrow(
      'select at least one case',
    );
    await expect(resolveQuarantineCases({ caseIds: [id, id], decision: 'accept', note: 'fine', user: reviewer })).rejects.toThrow(
      'a case is listed twice',
    );
    await expect(resolveQuarantineCases({ caseIds: [id], decision: 'accept', note: ' ', user: reviewer })).rejects.toThrow(
      'a note of at least 3 characters',
    );
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id } })).state).toBe('OPEN');
  });

  it('gives each row a summary in words and masks the customer number for a reviewer', async () => {
    const r = `${region}-m`;
    await makeCase({
      region: r,
      reason: 'INVALID_METADATA',
      evidence: {
        problems: [
          { field: 'direction', problem: 'missing' },
          { field: 'startTime', problem: 'invalid', detail: 'not an ISO date' },
        ],
        note: 'caller +15550001234',
      },
    });
    const [item] = (await listQuarantineQueue({ region: r }, { ...reviewer, regions: [] })).items;
    expect(item?.summary.headline).toBe('2 fields failed: direction is missing; startTime is invalid (not an ISO date)');
    expect(JSON.stringify(item)).not.toContain('5550001234');
    const [asAdmin] = (await listQuarantineQueue({ region: r }, { id: randomUUID(), role: 'ADMIN', regions: [] })).items;
    expect(JSON.stringify(asAdmin?.evidence)).toContain('+15550001234');
  });
});
