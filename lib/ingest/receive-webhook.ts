// One vendor webhook delivery, start to finish: size limit → account → auth on the raw
// body → JSON → storable values → event-type allowlist → zod → enqueue. Resolves only when the delivery is
// recorded in Postgres (with its exact bytes and their sha256) and its job is in Redis; every refusal is an
// AppError/ZodError thrown before anything is queued or written.
import { createHash } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { assertAllowedEventType } from '@/lib/ingest/allowed-event-type';
import { assertStorable } from '@/lib/ingest/assert-storable';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { enqueueInteractionJob } from '@/lib/ingest/enqueue-interaction-job';
import { readWebhookBody, rejectDeclaredOversize } from '@/lib/ingest/read-webhook-body';
import { verifyWebhookAuth } from '@/lib/ingest/verify-webhook-auth';
import { vendorAccount } from '@/lib/vendors/accounts';
import { parseWebhook as parseCxoneWebhook } from '@/lib/vendors/cxone/webhook-schema';
import { parseWebhook as parseGenesysWebhook } from '@/lib/vendors/genesys/webhook-schema';
import type { TVendor, TVendorAccount } from '@/lib/vendors/types';

export type TWebhookAccepted = { accepted: true; kind: 'recording' | 'interaction'; jobId: string; duplicate: boolean };

function accountFor(vendor: TVendor, id: string | null): TVendorAccount {
  if (!id) throw new AppError('bad_request', 'Query parameter "account" is required');
  // Unknown and wrong-vendor accounts answer alike: the URL does not reveal which account ids exist elsewhere.
  const notFound = new AppError('not_found', 'Unknown vendor account');
  let account: TVendorAccount;
  try {
    account = vendorAccount(id);
  } catch {
    throw notFound;
  }
  if (account.vendorSource !== vendor) throw notFound;
  return account;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new AppError('bad_request', 'Body is not valid JSON');
  }
}

export async function receiveWebhook(vendor: TVendor, request: Request): Promise<TWebhookAccepted> {
  const { WEBHOOK_MAX_BODY_BYTES: maxBytes, WEBHOOK_TIMESTAMP_TOLERANCE_SECONDS: toleranceSeconds } = env();
  rejectDeclaredOversize(request, maxBytes);
  const account = accountFor(vendor, new URL(request.url).searchParams.get('account'));
  const raw = await readWebhookBody(request, maxBytes);
  verifyWebhookAuth(account, request.headers, raw, { toleranceSeconds });
  const body = parseJson(raw);
  assertStorable(body);
  assertAllowedEventType(vendor, body);
  const event = vendor === 'GENESYS_CLOUD' ? parseGenesysWebhook(body) : parseCxoneWebhook(body);
  const common = { vendorSource: vendor, vendorAccountId: account.id, interactionDate: event.interactionDate };
  const rawPayload = {
    payload: body,
    body: raw,
    schemaVersion: `${vendor === 'GENESYS_CLOUD' ? 'genesys' : 'cxone'}-webhook/${event.eventType}`,
    sha256: sha256(raw),
  };
  if (event.kind === 'interaction') {
    const result = await enqueueInteractionJob(
      { ...common, interactionId: event.interactionId, eventType: event.eventType, vendorEventId: event.vendorEventId },
      { rawPayload },
    );
    return { accepted: true, kind: 'interaction', ...result };
  }
  const result = await enqueueArchiveJob(
    { ...common, vendorRecordingId: event.vendorRecordingId, interactionId: event.interactionId, source: 'WEBHOOK' },
    { eventType: event.eventType, vendorEventId: event.vendorEventId, rawPayload },
  );
  return { accepted: true, kind: 'recording', ...result };
}

function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}
