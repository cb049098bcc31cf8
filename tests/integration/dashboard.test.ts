// The home dashboard's figures against rows created here in the real database (as differences from the
// figures before, since other tests share the database), and which sections each role receives.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as dashboardGet } from '@/app/api/dashboard/route';
import { db } from '@/lib/db';
import { getDashboard, type TDashboard } from '@/lib/dashboard/get-dashboard';
import { producerRedis } from '@/lib/redis';
import { apiRequest, ctx, signedInAs } from './security-support';

const TAG = `dash-${randomUUID().slice(0, 8)}`;
const DAY = 86_400_000;

afterAll(async () => {
  producerRedis().disconnect();
  await db().$disconnect();
});

async function recording(
  account: string,
  opts: { archivedAt?: Date; status?: 'ARCHIVED' | 'QUARANTINED' | 'PENDING'; vendorRecordingId?: string } = {},
) {
  const vendorRecordingId = opts.vendorRecordingId ?? `${TAG}-${randomUUID().slice(0, 8)}`;
  return db().recording.create({
    data: {
      archiveId: `arch-${vendorRecordingId}`,
      vendorSource: 'GENESYS_CLOUD',
      vendorRecordingId,
      vendorAccountId: account,
      startTime: new Date(),
      status: opts.status ?? 'ARCHIVED',
      archivedAt: opts.archivedAt ?? null,
      dataResidencyRegion: 'us',
      complianceTags: [TAG],
      searchText: vendorRecordingId,
    },
  });
}

const dayOf = (d: TDashboard, day: string) => d.archive.perDay.find((p) => p.day === day)?.archived ?? 0;
const reasonOf = (d: TDashboard, reason: string) => d.quarantine!.byReason.find((r) => r.reason === reason)?.open ?? 0;

describe('home dashboard', () => {
  it('counts archived recordings per day, today and this week; lag per account; quarantine, dead letters, oldest delivery, reconciliation', async () => {
    const account = `${TAG}-acct`;
    await db().vendorAccount.create({
      data: {
        id: account,
        vendorSource: 'GENESYS_CLOUD',
        name: account,
        instance: 'mypurecloud.ie',
        residencyRegion: 'us',
        apiBaseUrl: 'http://127.0.0.1:1',
      },
    });
    const now = new Date();
    const before = await getDashboard('ADMIN', now);
    const today = now.toISOString().slice(0, 10);
    const threeDaysAgo = new Date(now.getTime() - 3 * DAY);
    const lastArchived = new Date(now.getTime() - 90_000);
    await recording(account, { archivedAt: lastArchived });
    await recording(account, { archivedAt: new Date(now.getTime() - 60 * DAY) }); // outside the 14 days
    await recording(account, { archivedAt: threeDaysAgo });
    const q1 = await recording(account, { status: 'QUARANTINED' });
    const q2 = await recording(account, { status: 'QUARANTINED' });
    await db().quarantineCase.createMany({
      data: [
        { recordingId: q1.id, reason: 'TRUNCATION_DETECTED', tags: [], evidence: {} },
        { recordingId: q2.id, reason: 'TRUNCATION_DETECTED', tags: [], evidence: {}, state: 'ESCALATED' },
        { recordingId: q2.id, reason: 'INVALID_METADATA', tags: [], evidence: {}, state: 'ACCEPTED' },
      ],
    });
    await db().deadLetter.createMany({
      data: [
        { queue: TAG, jobId: `${TAG}-1`, jobName: 'recording.archive', payload: {}, failedReason: 'x', attemptsMade: 3 },
        { queue: TAG, jobId: `${TAG}-2`, jobName: 'recording.archive', payload: {}, failedReason: 'x', attemptsMade: 3, replayedAt: now },
      ],
    });
    const pendingKey = `GENESYS_CLOUD:${TAG}-never-archived`;
    // Older than every delivery already in the shared database, so it is the oldest whatever ran before.
    const earliest = (await db().ingestEvent.aggregate({ _min: { receivedAt: true } }))._min.receivedAt ?? now;
    const oldest = new Date(Math.min(earliest.getTime(), Date.parse('2001-02-03T04:05:06.000Z')) - 60_000);
    const received = new Date(now.getTime() - 30_000);
    await db().ingestEvent.createMany({
      data: [
        {
          idempotencyKey: pendingKey,
          vendorSource: 'GENESYS_CLOUD',
          vendorRecordingId: `${TAG}-never-archived`,
          vendorAccountId: account,
          source: 'WEBHOOK',
          eventType: 'test',
          receivedAt: oldest,
        },
        {
          idempotencyKey: `GENESYS_CLOUD:${q1.vendorRecordingId}`,
          vendorSource: 'GENESYS_CLOUD',
          vendorRecordingId: q1.vendorRecordingId,
          vendorAccountId: account,
          source: 'WEBHOOK',
          eventType: 'test',
          receivedAt: new Date(oldest.getTime() - 60_000),
        },
        {
          idempotencyKey: `GENESYS_CLOUD:${TAG}-x`,
          vendorSource: 'GENESYS_CLOUD',
          vendorRecordingId: `${TAG}-x`,
          vendorAccountId: account,
          source: 'WEBHOOK',
          eventType: 'test',
          receivedAt: received,
          duplicate: true,
        },
      ],
    });
    const report = (day: string, missing: number) => ({
      vendorAccountId: account,
      vendorSource: 'GENESYS_CLOUD' as const,
      day,
      listedCount: 10,
      matchedCount: 10 - missing,
      quarantinedCount: 0,
      missingCount: missing,
      redrivenCount: missing,
      pendingCount: 0,
      extraCount: 0,
      mismatchCount: 0,
      findings: [],
      bucket: 'b',
      key: `${TAG}/${day}`,
      sha256: 'x',
      signature: 's',
      keyId: 'k',
      startedAt: now,
    });
    await db().reconciliationReport.createMany({ data: [report('2026-11-28', 0), report('2026-11-29', 2)] });

    const after = await getDashboard('ADMIN', now);
    expect(after.archive.perDay).toHaveLength(14);
    expect(after.archive.today - before.archive.today).toBe(1);
    expect(dayOf(after, today) - dayOf(before, today)).toBe(1);
    const d3 = threeDaysAgo.toISOString().slice(0, 10);
    expect(dayOf(after, d3) - dayOf(before, d3)).toBe(1);
    const mondayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * DAY);
    expect(after.archive.thisWeek - before.archive.thisWeek).toBe(threeDaysAgo >= mondayStart ? 2 : 1);
    const lag = after.ingestion!.find((a) => a.vendorAccountId === account)!;
    expect(lag).toMatchObject({ lastArchivedAt: lastArchived.toISOString(), lastReceivedAt: received.toISOString(), lagSeconds: 90 });
    expect(reasonOf(after, 'TRUNCATION_DETECTED') - reasonOf(before, 'TRUNCATION_DETECTED')).toBe(2);
    expect(reasonOf(after, 'INVALID_METADATA') - reasonOf(before, 'INVALID_METADATA')).toBe(0);
    expect(after.quarantine!.open - before.quarantine!.open).toBe(2);
    expect(after.deadLetters!.open - before.deadLetters!.open).toBe(1);
    // The quarantined recording's delivery is settled; the duplicate is not a delivery to archive.
    expect(after.oldestUnarchived).toMatchObject({ idempotencyKey: pendingKey, receivedAt: oldest.toISOString() });
    expect(after.oldestUnarchived!.pending - (before.oldestUnarchived?.pending ?? 0)).toBe(1);
    expect(after.reconciliation!.find((r) => r.vendorAccountId === account)).toMatchObject({
      day: '2026-11-29',
      listed: 10,
      matched: 8,
      missing: 2,
      clean: false,
    });
  });

  it('sends each role only the sections it may see, through the route', async () => {
    const sections = async (role: 'OFFICER' | 'REVIEWER' | 'AUDITOR' | 'ADMIN') => {
      const { cookie } = await signedInAs(role);
      const res = await dashboardGet(apiRequest('/api/dashboard', { cookie }), ctx());
      expect(res.status).toBe(200);
      const d = (await res.json()) as Record<string, unknown>;
      return Object.keys(d)
        .filter((k) => d[k] !== null && k !== 'generatedAt')
        .sort();
    };
    expect(await sections('OFFICER')).toEqual(['archive']);
    expect(await sections('REVIEWER')).toEqual(['archive', 'quarantine']);
    expect(await sections('AUDITOR')).toEqual(['archive', 'reconciliation']);
    expect(await sections('ADMIN')).toEqual(['archive', 'deadLetters', 'ingestion', 'oldestUnarchived', 'quarantine', 'reconciliation']);
    expect((await dashboardGet(apiRequest('/api/dashboard'), ctx())).status).toBe(401);
  });
});
