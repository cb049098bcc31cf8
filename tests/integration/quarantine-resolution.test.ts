// Reviewer decisions on quarantine cases against the real pipeline: a re-fetch writes a new version of the
// same key and settles the case on the same Recording row, its progress visible (queued → running →
// succeeded / failed with the reason); accepting keeps the quarantine tags; only OPEN, ESCALATED or
// REFETCH_FAILED cases can be decided, by reviewers, with a note, and every decision is audited.
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { auditDetails, createTestUser, objectVersions } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { UnrecoverableError } from 'bullmq';
import { resolveQuarantineCase } from '@/lib/quarantine/resolve-quarantine-case';
import { archiveQueue } from '@/lib/queue/queues';
import { recordDeadLetter } from '@/lib/dead-letters/record-dead-letter';
import type { TSimRecording } from '@/simulators/types';
import { processArchiveJob } from '@/workers/processors/archive-recording';

const savedAccounts = process.env.VENDOR_ACCOUNTS;
const { kit, s3 } = setupArchiveKit();
let reviewer: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  process.env.VENDOR_ACCOUNTS = JSON.stringify(kit.sim.vendorAccountsJson());
  reviewer = await createTestUser('REVIEWER');
});

afterAll(async () => {
  if (savedAccounts === undefined) delete process.env.VENDOR_ACCOUNTS;
  else process.env.VENDOR_ACCOUNTS = savedAccounts;
});

async function quarantinedTruncated(seconds = 30, mediaSeconds = 24) {
  const rec = kit.sim.addRecording({ seconds, mediaSeconds });
  const outcome = await kit.archive(rec);
  expect(outcome.status).toBe('QUARANTINED');
  const c = await db().quarantineCase.findFirstOrThrow({ where: { recordingId: outcome.recordingId! } });
  return { rec, recordingId: outcome.recordingId!, caseId: c.id };
}

/** The vendor re-delivers the same recording with its media now complete (or still short). */
function vendorRepublishes(rec: TSimRecording, mediaSeconds: number) {
  return kit.sim.addRecording({
    id: rec.id,
    interactionId: rec.interactionId,
    seconds: rec.seconds,
    mediaSeconds,
    startTime: rec.startTime,
    direction: rec.direction,
    agent: rec.agent,
    customer: { number: rec.customer.number },
    tags: rec.tags,
    seed: rec.seed,
  });
}

async function refetchJob(caseId: string) {
  const decisions = await auditDetails(caseId, 'quarantine.resolved');
  const job = await archiveQueue('GENESYS_CLOUD').getJob(String(decisions.at(-1)?.jobId));
  expect(job?.data).toMatchObject({ source: 'REFETCH', quarantineCaseId: caseId });
  return job!;
}

/** Runs the REFETCH job the decision enqueued, through the worker's processor, and removes it. */
async function runRefetchJob(caseId: string) {
  const job = await refetchJob(caseId);
  try {
    return await processArchiveJob(job!);
  } finally {
    await job!.remove();
  }
}

const decide = (caseId: string, decision: 'accept' | 'refetch' | 'escalate', note = `reviewed: ${decision}`, user = reviewer) =>
  resolveQuarantineCase({ caseId, decision, note, user });

describe('quarantine resolution', () => {
  it('re-fetch writes a new version of the same key and resolves the case, without a second Recording row', async () => {
    const { rec, recordingId, caseId } = await quarantinedTruncated();
    const before = await db().recording.findUniqueOrThrow({ where: { id: recordingId } });
    await decide(caseId, 'refetch');
    expect(await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      state: 'REFETCH_REQUESTED',
      refetchStatus: 'QUEUED',
    });

    vendorRepublishes(rec, rec.seconds);
    const outcome = await runRefetchJob(caseId);
    expect(outcome).toEqual({ status: 'ARCHIVED', recordingId });

    const after = await db().recording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(await db().recording.count({ where: { vendorRecordingId: rec.id } })).toBe(1);
    expect(after).toMatchObject({ status: 'ARCHIVED', archiveId: before.archiveId, storageKey: before.storageKey });
    expect(after.storageVersionId).not.toBe(before.storageVersionId);
    expect(Number(after.measuredDurationSeconds)).toBeCloseTo(30, 2);
    expect((await objectVersions(s3, after.storageBucket!, after.storageKey!)).sort()).toEqual(
      [before.storageVersionId, after.storageVersionId].sort(),
    );
    const c = await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ state: 'RESOLVED', refetchStatus: 'SUCCEEDED', refetchError: null });
    expect(await db().quarantineCase.count({ where: { recordingId } })).toBe(1);
  });

  it('a re-fetch that still fails stays visibly failed with the reason, keeps both evidences, and can be decided again', async () => {
    const { rec, recordingId, caseId } = await quarantinedTruncated(40, 30);
    await decide(caseId, 'refetch');
    vendorRepublishes(rec, 33);
    expect((await runRefetchJob(caseId)).status).toBe('QUARANTINED');
    const c = await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ state: 'REFETCH_FAILED', refetchStatus: 'FAILED' });
    expect(c.refetchError).toContain('Still truncation detected: Expected 40 s, measured 33 s (7 s short)');
    expect(c.evidence).toMatchObject({ measuredDurationSeconds: 33, previousEvidence: { measuredDurationSeconds: 30 } });
    expect(await auditDetails(caseId, 'quarantine.refetch_failed')).toEqual([
      expect.objectContaining({ cause: 're-fetch failed the same check' }),
    ]);
    expect(await db().quarantineCase.count({ where: { recordingId } })).toBe(1);
    expect(await db().recording.count({ where: { vendorRecordingId: rec.id } })).toBe(1);
    await decide(caseId, 'accept', 'the vendor confirmed the call was cut at 33 s');
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('ACCEPTED');
  });

  it('a re-fetch job that fails runs visibly, then its dead letter marks the case re-fetch failed with the reason', async () => {
    const { caseId } = await quarantinedTruncated(22, 16);
    await decide(caseId, 'refetch');
    const job = await refetchJob(caseId);
    kit.sim.faults.expireNextMediaUrls = 20;
    try {
      await expect(processArchiveJob(job)).rejects.toThrow();
    } finally {
      kit.sim.faults.expireNextMediaUrls = 0;
    }
    expect(await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      state: 'REFETCH_REQUESTED',
      refetchStatus: 'RUNNING',
    });
    await recordDeadLetter(archiveQueue('GENESYS_CLOUD').name, job, new UnrecoverableError('vendor answered 404: recording deleted'));
    await job.remove();
    const c = await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ state: 'REFETCH_FAILED', refetchStatus: 'FAILED' });
    expect(c.refetchError).toContain('vendor answered 404: recording deleted');
    expect((await db().recording.findUniqueOrThrow({ where: { id: c.recordingId } })).status).toBe('QUARANTINED');
    expect(await auditDetails(caseId, 'quarantine.refetch_failed')).toEqual([expect.objectContaining({ cause: 'job_failed' })]);
  });

  it('accept keeps the quarantine tag, archives the verified media, and is audited with the note', async () => {
    const { recordingId, caseId } = await quarantinedTruncated();
    await decide(caseId, 'accept', 'Carrier dropped the call; media is complete as delivered');
    const c = await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({
      state: 'ACCEPTED',
      resolvedById: reviewer.id,
      resolutionNote: 'Carrier dropped the call; media is complete as delivered',
    });
    const r = await db().recording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(r.status).toBe('ARCHIVED');
    expect(r.complianceTags).toContain('truncation_detected');
    expect(Number(r.durationSeconds)).toBe(30);
    const [entry] = await auditDetails(caseId, 'quarantine.resolved');
    expect(entry).toMatchObject({
      decision: 'accept',
      from: 'OPEN',
      to: 'ACCEPTED',
      note: 'Carrier dropped the call; media is complete as delivered',
      userEmail: reviewer.email,
    });
    await expect(decide(caseId, 'refetch')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('escalation can be decided later; an accepted case without stored media stays QUARANTINED', async () => {
    const rec = kit.sim.addRecording({ seconds: 10, missing: ['direction'] });
    const { recordingId } = await kit.archive(rec);
    const c = await db().quarantineCase.findFirstOrThrow({ where: { recordingId: recordingId! } });
    await decide(c.id, 'escalate', 'needs the vendor to explain the missing direction');
    await expect(decide(c.id, 'escalate')).rejects.toBeInstanceOf(AppError);
    await decide(c.id, 'accept', 'vendor confirmed: internal test call');
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id: c.id } })).state).toBe('ACCEPTED');
    expect((await db().recording.findUniqueOrThrow({ where: { id: recordingId! } })).status).toBe('QUARANTINED');
    expect((await auditDetails(c.id, 'quarantine.resolved')).map((d) => d.decision)).toEqual(['escalate', 'accept']);
  });

  it('refuses auditors, empty notes and unknown cases, changing nothing', async () => {
    const { caseId } = await quarantinedTruncated(20, 15);
    const auditor = await createTestUser('AUDITOR');
    await expect(decide(caseId, 'accept', 'looks fine', auditor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decide(caseId, 'accept', ' ')).rejects.toBeInstanceOf(ZodError);
    await expect(decide('00000000-0000-4000-8000-000000000000', 'accept')).rejects.toMatchObject({ code: 'not_found' });
    expect((await db().quarantineCase.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('OPEN');
    expect(await auditDetails(caseId, 'quarantine.resolved')).toEqual([]);
  });
});
