// Seals the unsealed tail of the audit chain into the immutable tier: one segment object (an audit
// bundle of kind "segment", see bundle-format.ts, its manifest signed with the asymmetric signing key
// and every entry's HMAC checked on the way in) in the primary region's audit bucket, under Object
// Lock COMPLIANCE until now + the longest retention window, then an AuditSegment row and an `audit.sealed`
// entry. Each segment starts where the previous one ended (its first prevHash = the previous
// lastHash), so the sealed objects alone prove the chain up to the last seal, whatever later happens
// to the table. A second transaction-scoped advisory lock keeps two sealers from racing.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { AuditChainChecker } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH } from '@/lib/audit/hash-audit-entry';
import { auditKeyProvider, type TAuditKeyProvider } from '@/lib/audit/key-provider';
import { putLockedAuditObject } from '@/lib/audit/put-locked-audit-object';
import { signingProvider, type TSigningProvider } from '@/lib/audit/signing-provider';
import { streamAuditEntries } from '@/lib/audit/stream-audit-entries';
import { createAuditBundle, type TBundleResult } from '@/lib/audit/write-audit-bundle';
import { db, type Db, type DbTx } from '@/lib/db';
import { env, type TEnv } from '@/lib/env';
import { longestRetentionDays } from '@/lib/retention/longest-retention-days';
import { bucketName } from '@/lib/storage/buckets';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export const AUDIT_SEAL_LOCK = 727_002;
const DAY_MS = 24 * 3600 * 1000;

export type TSealedSegment = {
  id: string;
  firstSequence: string;
  lastSequence: string;
  entryCount: number;
  bucket: string;
  key: string;
  versionId: string | null;
  sha256: string;
  retainUntil: string;
};

export type TSealResult =
  | { status: 'sealed'; segment: TSealedSegment; more: boolean }
  | { status: 'not_due'; unsealed: number }
  | { status: 'empty' }
  | { status: 'busy' };

export type TSealOptions = {
  client?: Db;
  s3?: S3Client;
  provider?: TAuditKeyProvider;
  signer?: TSigningProvider;
  force?: boolean;
  now?: Date;
  config?: TEnv;
};

/** The audit bucket of the deployment's primary region (AUDIT_REGION, else the first residency region). */
export function auditBucket(config: TEnv = env()): string {
  const region = config.AUDIT_REGION ?? config.RESIDENCY_REGIONS[0]!;
  if (!config.RESIDENCY_REGIONS.includes(region)) throw new Error(`AUDIT_REGION "${region}" is not one of RESIDENCY_REGIONS`);
  return bucketName('audit', region, config.S3_BUCKET_PREFIX);
}

type TPlan = { first: bigint; last: bigint; head: bigint; previous: { id: string; lastSequence: bigint; lastHash: string } | null };

async function planSeal(tx: DbTx, o: TSealOptions, config: TEnv): Promise<TPlan | TSealResult> {
  const previous = await tx.auditSegment.findFirst({
    orderBy: { lastSequence: 'desc' },
    select: { id: true, lastSequence: true, lastHash: true },
  });
  const after = previous?.lastSequence ?? 0n;
  const head = (await tx.auditEntry.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n;
  if (head <= after) return { status: 'empty' };
  const oldest = await tx.auditEntry.findUnique({ where: { sequence: after + 1n }, select: { occurredAt: true, action: true } });
  if (!oldest) throw new Error(`audit chain gap: sequence ${after + 1n} is missing after the last sealed segment`);
  const unsealed = Number(head - after);
  const age = (o.now ?? new Date()).getTime() - oldest.occurredAt.getTime();
  // The previous seal's own `audit.sealed` entry alone is not worth a segment (it would seal itself forever).
  const onlyOwnEntry = unsealed === 1 && oldest.action === 'audit.sealed';
  const due = unsealed >= config.AUDIT_SEAL_EVERY_ENTRIES || (age >= config.AUDIT_SEAL_EVERY_SECONDS * 1000 && !onlyOwnEntry);
  if (!o.force && !due) return { status: 'not_due', unsealed };
  const last = head - after > BigInt(config.AUDIT_SEAL_MAX_ENTRIES) ? after + BigInt(config.AUDIT_SEAL_MAX_ENTRIES) : head;
  return { first: after + 1n, last, head, previous };
}

async function buildSegment(tx: DbTx, plan: TPlan, id: string, provider: TAuditKeyProvider, signer: TSigningProvider) {
  const previousSegment = plan.previous
    ? { id: plan.previous.id, lastSequence: plan.previous.lastSequence.toString(), lastHash: plan.previous.lastHash }
    : null;
  const range = { first: plan.first.toString(), last: plan.last.toString() };
  const bundle = createAuditBundle({
    description: {
      kind: 'segment',
      id,
      createdAt: new Date().toISOString(),
      createdBy: { type: 'system', id: 'audit-sealer' },
      scope: { sequenceRange: range },
      filtered: false,
      filter: null,
      sequenceRange: range,
      previousSegment,
    },
    batches: streamAuditEntries({ range, client: tx }),
    signer,
    chainHead: null,
    anchor: null,
    // Never seal a broken chain into storage nobody can correct: verify every entry on the way.
    checker: new AuditChainChecker(provider, {
      gapsAllowed: false,
      expectFirst: { sequence: range.first, prevHash: plan.previous?.lastHash ?? GENESIS_HASH },
    }),
  });
  const parts: Buffer[] = [];
  for await (const line of bundle.lines) parts.push(line);
  return { body: Buffer.concat(parts), result: bundle.result() };
}

async function sealWithin(tx: DbTx, o: TSealOptions, config: TEnv): Promise<TSealResult> {
  const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) AS locked`;
  if (!locked) return { status: 'busy' };
  const plan = await planSeal(tx, o, config);
  if ('status' in plan) return plan;
  const id = randomUUID();
  const provider = o.provider ?? auditKeyProvider();
  const { body, result } = await buildSegment(tx, plan, id, provider, o.signer ?? signingProvider());
  const bucket = auditBucket(config);
  const key = `segments/${plan.first.toString().padStart(20, '0')}-${plan.last.toString().padStart(20, '0')}-${result.manifest.firstHash!.slice(0, 16)}.cvaudit.jsonl`;
  // At least the longest recording window: the evidence about a recording outlives the recording.
  const retainUntil = new Date((o.now ?? new Date()).getTime() + (await longestRetentionDays(tx, config.RETENTION_DEFAULT_DAYS)) * DAY_MS);
  const versionId = await putLockedAuditObject(
    o.s3 ?? defaultS3(),
    { bucket, key, body, contentType: 'application/x-ndjson', retainUntil },
    config,
  );
  const segment = await recordSegment(tx, { id, bucket, key, versionId, result, retainUntil });
  return { status: 'sealed', segment, more: plan.last < plan.head };
}

async function recordSegment(
  tx: DbTx,
  s: { id: string; bucket: string; key: string; versionId: string | null; result: TBundleResult; retainUntil: Date },
): Promise<TSealedSegment> {
  const m = s.result.manifest;
  await tx.auditSegment.create({
    data: {
      id: s.id,
      firstSequence: BigInt(m.firstSequence!),
      lastSequence: BigInt(m.lastSequence!),
      firstHash: m.firstHash!,
      lastHash: m.lastHash!,
      entryCount: m.entryCount,
      bucket: s.bucket,
      key: s.key,
      versionId: s.versionId,
      sha256: s.result.sha256,
      signature: s.result.signature,
      keyId: s.result.keyId,
    },
  });
  const segment: TSealedSegment = {
    id: s.id,
    firstSequence: m.firstSequence!,
    lastSequence: m.lastSequence!,
    entryCount: m.entryCount,
    bucket: s.bucket,
    key: s.key,
    versionId: s.versionId,
    sha256: s.result.sha256,
    retainUntil: s.retainUntil.toISOString(),
  };
  await appendAuditEntry(
    {
      actorType: 'system',
      actorId: 'audit-sealer',
      action: 'audit.sealed',
      subjectType: 'system',
      subjectId: 'audit-trail',
      details: { ...segment, manifestHash: s.result.manifestHash },
    },
    tx,
  );
  return segment;
}

/** Seals at most AUDIT_SEAL_MAX_ENTRIES entries; `more` says another call has a full segment waiting. */
export async function sealAuditSegment(options: TSealOptions = {}): Promise<TSealResult> {
  const config = options.config ?? env();
  // The transaction spans the upload: the lock must be held until the AuditSegment row commits.
  return (options.client ?? db()).$transaction((tx) => sealWithin(tx, options, config), { maxWait: 10_000, timeout: 10 * 60_000 });
}
