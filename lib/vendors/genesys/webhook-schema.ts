// Genesys webhook bodies we accept. Strict only where the pipeline depends on a value (what to fetch: the
// conversation id, and the recording id where the event names one); every other field is optional and of any
// type (a `displayName: null` or `duration: "142.5"` costs nothing) and stays in the raw payload.
// - the integrator-defined `recording.completed` (integrator-defined; Genesys has no native recording-ready event);
// - Amazon EventBridge (or any relay) deliveries of notification topics, either the whole EventBridge event
//   (`detail-type` + `detail`) or only its `detail` (an input transformer may forward just `$.detail`):
//   conversation detail events (customer.end, user.end, acw, wrapup, voicemail.end) name a conversation whose
//   recordings are then listed; recording topics (v2.users.{id}.conversations.{id}.recordings,
//   v2.users.{id}.recordings) name one recording and its conversation.
// parseWebhook throws ZodError (→ 422 with the reason) on anything else.
import { z } from 'zod';
import type { TWebhookEvent } from '@/lib/vendors/types';
import { partitionDate } from '@/lib/vendors/partition-date';

const ZIsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'ISO-8601 timestamp');
const ZId = z.string().min(1).max(200);
const SEGMENT = '[^.\\s]+';

export const CONVERSATION_TOPIC = new RegExp(
  `^v2\\.detail\\.events\\.conversation\\.${SEGMENT}\\.(customer\\.end|user\\.end|acw|wrapup|voicemail\\.end)$`,
);
export const RECORDING_TOPIC = new RegExp(`^v2\\.users\\.${SEGMENT}\\.(conversations\\.${SEGMENT}\\.recordings|recordings)$`);

/** The integrator's `recording.completed` payload; `conversationId` is what lets us fetch the recording (added by the integrator). */
export const ZRecordingCompleted = z.looseObject({
  type: z.literal('recording.completed'),
  id: ZId,
  timestamp: ZIsoTime,
  data: z.looseObject({
    id: ZId,
    conversationId: z
      .string({ error: 'data.conversationId is required: a Genesys recording cannot be fetched without its conversation' })
      .min(1)
      .max(200),
  }),
});

/** Conversation detail event bodies (CustomerEndDetailEventTopicCustomerEndEvent and siblings): eventTime is
 *  epoch milliseconds. */
const ZConversationEventBody = z
  .looseObject({
    conversationId: ZId.nullish(),
    id: ZId.nullish(),
    eventTime: z.number().nullish(),
  })
  .refine((b) => b.conversationId ?? b.id, "eventBody.conversationId is required to list the conversation's recordings");

/** RecordingEventRecording / RecordingArchiveRestoreTopicRecording. */
const ZRecordingEventBody = z.looseObject({
  id: z.string({ error: 'eventBody.id (the recording id) is required' }).min(1).max(200),
  conversationId: z
    .string({ error: 'eventBody.conversationId is required: a Genesys recording cannot be fetched without its conversation' })
    .min(1)
    .max(200),
});

const ZDetail = z.looseObject({
  topicName: z.string().max(300).nullish(),
  eventBody: z.unknown(),
  metadata: z.looseObject({ CorrelationId: z.string().nullish() }).nullish(),
});

/** The EventBridge event (detail-type repeats the topic pattern, possibly with a literal "{id}"). */
export const ZEventBridgeEvent = z.looseObject({
  id: z.string().max(200).nullish(),
  time: ZIsoTime.nullish(),
  'detail-type': z.string().max(300),
  detail: ZDetail,
});

type TEnvelope = { topic: string; eventBody: unknown; eventId: string | null; time: string | null };

function envelopeOf(body: Record<string, unknown>): TEnvelope {
  if ('detail-type' in body) {
    const e = ZEventBridgeEvent.parse(body);
    return {
      topic: e['detail-type'],
      eventBody: e.detail.eventBody,
      eventId: e.id ?? e.detail.metadata?.CorrelationId ?? null,
      time: e.time ?? null,
    };
  }
  const d = ZDetail.extend({ topicName: z.string().max(300) }).parse(body);
  return { topic: d.topicName, eventBody: d.eventBody, eventId: d.metadata?.CorrelationId ?? null, time: null };
}

function epochDate(ms: number | null | undefined): string | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? partitionDate(new Date(ms).toISOString()) : null;
}

function fromNotification(body: Record<string, unknown>): TWebhookEvent {
  const env = envelopeOf(body);
  if (RECORDING_TOPIC.test(env.topic)) {
    const r = ZRecordingEventBody.parse(env.eventBody);
    return {
      kind: 'recording',
      vendorRecordingId: r.id,
      interactionId: r.conversationId,
      interactionDate: partitionDate(env.time),
      eventType: env.topic,
      vendorEventId: env.eventId,
    };
  }
  if (!CONVERSATION_TOPIC.test(env.topic)) {
    throw new z.ZodError([
      { code: 'custom', path: ['detail-type'], message: 'a conversation detail event or recording topic', input: env.topic },
    ]);
  }
  const e = ZConversationEventBody.parse(env.eventBody);
  const interactionId = (e.conversationId ?? e.id) as string;
  return {
    kind: 'interaction',
    interactionId,
    interactionDate: epochDate(e.eventTime) ?? partitionDate(env.time),
    eventType: env.topic,
    vendorEventId: env.eventId,
  };
}

export function parseWebhook(body: unknown): TWebhookEvent {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (record.type === 'recording.completed') {
    const e = ZRecordingCompleted.parse(body);
    // Partition tag only: the UTC day the recording completed.
    return {
      kind: 'recording',
      vendorRecordingId: e.data.id,
      interactionId: e.data.conversationId,
      interactionDate: partitionDate(e.timestamp),
      eventType: e.type,
      vendorEventId: e.id,
    };
  }
  return fromNotification(record);
}
