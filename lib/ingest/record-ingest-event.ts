// The durable trace of one delivery: IngestEvent row + hash-chained audit entry, committed together.
// Webhooks answer 2xx only after this commits (if Postgres is down they answer 503 and the vendor retries).
import { appendAuditEntry, type TAuditInput } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
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

// Under a storm many deliveries queue for the audit chain lock; wait for it rather than fail with 503.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export async function recordIngestEvent(input: TIngestEventInput): Promise<{ id: string }> {
  const { actor, details, rawPayload, ...row } = input;
  const interaction = input.kind === 'INTERACTION';
  // Interaction events have no recording to hang a RawVendorPayload on: their body stays on the event row.
  const rawOnEvent = interaction && rawPayload && !input.duplicate ? { rawBody: rawPayload.body ? new Uint8Array(rawPayload.body) : null, rawSha256: rawPayload.sha256 } : {};
  try {
    return await db().$transaction(async (tx) => {
      const event = await tx.ingestEvent.create({ data: { ...row, ...rawOnEvent }, select: { id: true } });
      if (rawPayload && !input.duplicate && !interaction && input.vendorRecordingId) {
        await tx.rawVendorPayload.create({
          data: {
            vendorSource: input.vendorSource,
            vendorRecordingId: input.vendorRecordingId,
            kind: 'webhook',
            schemaVersion: rawPayload.schemaVersion,
            payload: rawPayload.payload as object,
            rawBody: rawPayload.body ? new Uint8Array(rawPayload.body) : null,
            sha256: rawPayload.sha256,
          },
        });
      }
      await appendAuditEntry(
        {
          actorType: actor.type,
          actorId: actor.id,
          action: input.duplicate ? 'ingest.duplicate' : 'ingest.received',
          subjectType: interaction ? 'system' : 'recording',
          subjectId: input.idempotencyKey,
          details: {
            ingestEventId: event.id,
            ...(interaction ? { kind: 'interaction', interactionId: input.interactionId } : {}),
            ...(rawPayload && !input.duplicate ? { rawSha256: rawPayload.sha256 } : {}),
            source: input.source,
            eventType: input.eventType,
            vendorEventId: input.vendorEventId,
            vendorAccountId: input.vendorAccountId,
            interactionDate: input.interactionDate,
            jobId: input.jobId,
            ...details,
          },
        },
        tx,
      );
      return event;
    }, TX_OPTIONS);
  } catch (error) {
    logger.error({ err: error, key: input.idempotencyKey }, 'could not record ingest event');
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
}
