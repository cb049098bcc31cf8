// The durable trace of one delivery: IngestEvent row + hash-chained audit entry, committed together.
// Webhooks answer 2xx only after this commits (if Postgres is down they answer 503 and the vendor retries).
// Concurrent deliveries are committed together by a micro-batcher (lib/ingest/micro-batcher.ts).
import { randomUUID } from 'node:crypto';
import { appendAuditEntries, auditContext, type TAuditInput } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/http/app-error';
import { createMicroBatcher, type TMicroBatcher } from '@/lib/ingest/micro-batcher';
import { logger } from '@/lib/logger';
import type { TVendor } from '@/lib/vendors/types';
import type { TArchiveJob } from '@/lib/queue/contracts';

export type TIngestActor = { type: TAuditInput['actorType']; id: string };
/** A delivery's body: `body` holds the exact bytes received (sha256 is theirs), `payload` their parsed view. */
export type TRawPayload = { payload: unknown; schemaVersion: string; sha256: string; body?: Buffer };

export type TIngestEventInput = {
  kind?: 'RECORDING' | 'INTERACTION';
  idempotencyKey: string;
  vendorSource: TVendor;
  /** Null for an interaction event (its recordings are not known yet). */
  vendorRecordingId: string | null;
  vendorAccountId: string | null;
  interactionId: string | null;
  source: TArchiveJob['source'];
  eventType: string;
  vendorEventId: string | null;
  interactionDate: string | null;
  duplicate: boolean;
  jobId: string | null;
  actor: TIngestActor;
  /** Extra audit details (e.g. why a duplicate was not enqueued). */
  details?: Record<string, unknown>;
  /** Stored only for a first delivery: duplicates of a storm would add nothing but rows. */
  rawPayload?: TRawPayload;
};

// Under a storm many deliveries queue for a connection; wait for one rather than fail with 503.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };
// Deliveries arriving within a few milliseconds share one transaction: one multi-row INSERT per table.
const BATCH_WAIT_MS = 4;
const BATCH_MAX = 200;

type TRows = {
  event: Prisma.IngestEventCreateManyInput;
  raw: Prisma.RawVendorPayloadCreateManyInput | null;
  audit: TAuditInput;
};

function rowsFor(input: TIngestEventInput): TRows {
  const { actor, details, rawPayload, ...row } = input;
  const id = randomUUID();
  const interaction = input.kind === 'INTERACTION';
  const first = Boolean(rawPayload) && !input.duplicate;
  // Interaction events have no recording to hang a RawVendorPayload on: their body stays on the event row.
  const rawOnEvent =
    interaction && rawPayload && first
      ? { rawBody: rawPayload.body ? new Uint8Array(rawPayload.body) : null, rawSha256: rawPayload.sha256 }
      : {};
  const raw =
    rawPayload && first && !interaction && input.vendorRecordingId
      ? {
          vendorSource: input.vendorSource,
          vendorRecordingId: input.vendorRecordingId,
          kind: 'webhook',
          schemaVersion: rawPayload.schemaVersion,
          payload: rawPayload.payload as Prisma.InputJsonValue,
          rawBody: rawPayload.body ? new Uint8Array(rawPayload.body) : null,
          sha256: rawPayload.sha256,
        }
      : null;
  const audit: TAuditInput = {
    actorType: actor.type,
    actorId: actor.id,
    action: input.duplicate ? 'ingest.duplicate' : 'ingest.received',
    subjectType: interaction ? 'system' : 'recording',
    subjectId: input.idempotencyKey,
    details: {
      ingestEventId: id,
      ...(interaction ? { kind: 'interaction', interactionId: input.interactionId } : {}),
      ...(rawPayload && first ? { rawSha256: rawPayload.sha256 } : {}),
      source: input.source,
      eventType: input.eventType,
      vendorEventId: input.vendorEventId,
      vendorAccountId: input.vendorAccountId,
      interactionDate: input.interactionDate,
      jobId: input.jobId,
      ...details,
      // Captured here, per delivery: the batch that writes it runs in whichever request opened the batch.
      ...auditContext(),
    },
  };
  return { event: { id, ...row, ...rawOnEvent }, raw, audit };
}

/** One transaction for the whole batch: IngestEvent rows, raw bodies and audit journal entries. */
async function writeRows(batch: TRows[]): Promise<void> {
  const raws = batch.flatMap((b) => (b.raw ? [b.raw] : []));
  await db().$transaction(async (tx) => {
    await tx.ingestEvent.createMany({ data: batch.map((b) => b.event) });
    if (raws.length > 0) await tx.rawVendorPayload.createMany({ data: raws });
    await appendAuditEntries(
      batch.map((b) => b.audit),
      tx,
      { ambientContext: false },
    );
  }, TX_OPTIONS);
}

async function writeBatch(batch: TRows[]): Promise<PromiseSettledResult<void>[]> {
  try {
    await writeRows(batch);
    return batch.map(() => ({ status: 'fulfilled', value: undefined }));
  } catch (error) {
    if (batch.length === 1) throw error;
    // One row the database refuses must not fail its neighbours: each is tried again on its own (Postgres
    // down fails them all again, quickly). Every caller is still answered only for its own committed row.
    logger.warn({ err: error, size: batch.length }, 'ingest batch failed; writing its deliveries one by one');
    return Promise.allSettled(batch.map((rows) => writeRows([rows])));
  }
}

const globalForBatch = globalThis as unknown as { callvaultIngestBatcher?: TMicroBatcher<TRows, void> };

function batcher(): TMicroBatcher<TRows, void> {
  globalForBatch.callvaultIngestBatcher ??= createMicroBatcher({ maxWaitMs: BATCH_WAIT_MS, maxSize: BATCH_MAX, run: writeBatch });
  return globalForBatch.callvaultIngestBatcher;
}

/** Resolves once this delivery's row, raw body and audit entry are committed (in a batch with its neighbours). */
export async function recordIngestEvent(input: TIngestEventInput): Promise<{ id: string }> {
  const rows = rowsFor(input);
  try {
    await batcher().submit(rows);
    return { id: rows.event.id! };
  } catch (error) {
    logger.error({ err: error, key: input.idempotencyKey }, 'could not record ingest event');
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
}
