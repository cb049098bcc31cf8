// Genesys webhook bodies we accept: the seed's `recording.completed` (integrator-defined; Genesys has no native
// recording-ready event) and the real route, an EventBridge conversation-end event naming a conversation whose
// recordings are then fetched. parseWebhook throws ZodError on anything else.
import { z } from 'zod';
import { partitionDate } from '@/lib/ingest/partition-date';
import type { TWebhookEvent } from '@/lib/vendors/types';


const ZIsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'ISO-8601 timestamp');

/** The seed's example payload; `conversationId` is what lets us fetch the recording (it is added by the integrator). */
export const ZRecordingCompleted = z.looseObject({
  type: z.literal('recording.completed'),
  id: z.string().min(1).max(200),
  timestamp: ZIsoTime,
  data: z.looseObject({
    id: z.string().min(1).max(200),
    conversationId: z.string().min(1).max(200).optional(),
    mediaType: z.string().optional(),
    duration: z.number().nonnegative().optional(),
    participants: z.array(z.looseObject({ id: z.string().optional(), type: z.string().optional(), displayName: z.string().optional() })).optional(),
    tags: z.array(z.string()).optional(),
    status: z.string().optional(),
  }),
});

const CONVERSATION_END = /^v2\.detail\.events\.conversation\.[^.\s]+\.(customer\.end|user\.end|acw|wrapup)$/;

/** EventBridge envelope around a Genesys notification (detail-type keeps the topic pattern with "{id}"). */
export const ZConversationEndEvent = z.looseObject({
  id: z.string().max(200).optional(),
  time: ZIsoTime.optional(),
  'detail-type': z.string().regex(CONVERSATION_END, 'a conversation end/acw/wrapup topic'),
  detail: z.looseObject({
    topicName: z.string().max(300).optional(),
    eventBody: z
      .looseObject({ id: z.string().min(1).max(200).optional(), conversationId: z.string().min(1).max(200).optional() })
      .refine((b) => b.conversationId ?? b.id, 'eventBody.conversationId or eventBody.id is required'),
    metadata: z.looseObject({ CorrelationId: z.string().optional() }).optional(),
  }),
});

export function parseWebhook(body: unknown): TWebhookEvent {
  const type = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).type : undefined;
  if (type === 'recording.completed') {
    const e = ZRecordingCompleted.parse(body);
    // Partition tag only: the day the recording completed (UTC).
    return { kind: 'recording', vendorRecordingId: e.data.id, interactionId: e.data.conversationId ?? null, interactionDate: partitionDate(e.timestamp), eventType: e.type, vendorEventId: e.id };
  }
  const e = ZConversationEndEvent.parse(body);
  const interactionId = (e.detail.eventBody.conversationId ?? e.detail.eventBody.id) as string;
  return {
    kind: 'interaction',
    interactionId,
    interactionDate: partitionDate(e.time),
    eventType: e['detail-type'],
    vendorEventId: e.id ?? e.detail.metadata?.CorrelationId ?? null,
  };
}
