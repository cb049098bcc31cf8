// Shared fixtures of the archive integration tests (tests/integration/archive-*, quarantine-*, legal-hold-*):
// a Genesys simulator with a US and an EU account, jobs built from simulated recordings, and read-back
// helpers for the audit trail and storage. Test-only: nothing in the application imports this module.
import { createHash, randomUUID } from 'node:crypto';
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { archiveRecording } from '@/lib/archive/archive-recording';
import type { TArchiveContext } from '@/lib/archive/types';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { idempotencyKey, type TArchiveJob } from '@/lib/queue/contracts';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import type { TVendorClient } from '@/lib/vendors/types';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimRecording, TSimulator } from '@/simulators/types';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

export type TArchiveKit = {
  sim: TSimulator;
  client(accountId?: string): TVendorClient;
  job(rec: TSimRecording, over?: Partial<TArchiveJob>): TArchiveJob;
  archive(rec: TSimRecording, over?: Partial<TArchiveJob>, ctx?: Partial<TArchiveContext>): ReturnType<typeof archiveRecording>;
  stop(): Promise<void>;
};

export async function startArchiveKit(): Promise<TArchiveKit> {
  const sim = await startGenesysSimulator();
  const accounts = sim.vendorAccounts();
  const client = (accountId = 'genesys-us') => {
    const account = accounts.find((a) => a.id === accountId);
    if (!account) throw new Error(`no simulated account ${accountId}`);
    return createVendorClient(account);
  };
  const job = (rec: TSimRecording, over: Partial<TArchiveJob> = {}): TArchiveJob => ({
    vendorSource: 'GENESYS_CLOUD',
    vendorAccountId: rec.account.id,
    vendorRecordingId: rec.id,
    interactionId: rec.interactionId,
    interactionDate: rec.startTime.toISOString().slice(0, 10),
    source: 'WEBHOOK',
    ...over,
  });
  return {
    sim,
    client,
    job,
    archive: (rec, over = {}, ctx = {}) =>
      archiveRecording(job(rec, over), {
        attempt: 1,
        jobId: `test-${randomUUID()}`,
        maxAttempts: 3,
        client: client(rec.account.id),
        ...ctx,
      }),
    stop: () => sim.stop(),
  };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const recordingKey = (rec: TSimRecording) => idempotencyKey('GENESYS_CLOUD', rec.id);

export async function auditActions(subjectId: string): Promise<string[]> {
  await flushAuditSequencer();
  const rows = await db().auditEntry.findMany({ where: { subjectId }, orderBy: { sequence: 'asc' }, select: { action: true } });
  return rows.map((r) => r.action);
}

export async function auditDetails(subjectId: string, action: string): Promise<Record<string, unknown>[]> {
  await flushAuditSequencer();
  const rows = await db().auditEntry.findMany({ where: { subjectId, action }, orderBy: { sequence: 'asc' }, select: { details: true } });
  return rows.map((r) => r.details as Record<string, unknown>);
}

export async function objectVersions(s3: S3Client, bucket: string, key: string): Promise<string[]> {
  const res = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  return (res.Versions ?? []).filter((v) => v.Key === key).map((v) => v.VersionId ?? '');
}

export async function createTestUser(role: Role) {
  const id = randomUUID();
  await db().user.create({ data: { id, email: `${role.toLowerCase()}-${id}@test.local`, name: `Test ${role}`, role } });
  return { id, email: `${role.toLowerCase()}-${id}@test.local`, role };
}
