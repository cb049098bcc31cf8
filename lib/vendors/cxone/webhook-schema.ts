// CXone has no public recording-ready webhook; `recordingReady` is an integrator-defined event,
// sent by a Studio script / middleware when a call's recording is available. Its shape (defined here and sent
// by simulators/cxone) names the ACD contact, which is our vendorRecordingId for CXone. Only the contact id is
// required (it is what we fetch); every other field is optional, of any type, and kept in the raw payload.
import { z } from 'zod';
import type { TWebhookEvent } from '@/lib/vendors/types';
import { partitionDate } from '@/lib/vendors/partition-date';

const ZContactId = z.union([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().positive()]).transform(String);
const ZIsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'ISO-8601 timestamp');

/**
 * {
 *   "eventType": "recordingReady", "eventId": "evt-…", "timestamp": "2024-05-14T08:32:15.123Z",
 *   "businessUnitId": 4600123, "contactId": 583920174, "masterContactId": 583920170,
 *   "startDate": "2024-05-14T08:30:32.000Z", "recordingId": "rec-cxone-…", "fileName": "….mp3", "mediaType": "voice"
 * }
 */
export const ZRecordingReady = z.looseObject({
  eventType: z.literal('recordingReady'),
  eventId: z.string().min(1).max(200).nullish(),
  timestamp: ZIsoTime,
  contactId: z
    .union([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().positive()], {
      error: 'contactId (a CXone contact id) is required: it names the recording to fetch',
    })
    .transform(String),
  masterContactId: ZContactId.nullish(),
  startDate: z.unknown().optional(),
});

export function parseWebhook(body: unknown): TWebhookEvent {
  const e = ZRecordingReady.parse(body);
  const contactId = e.contactId;
  const startDate = typeof e.startDate === 'string' ? partitionDate(e.startDate) : null;
  return {
    kind: 'recording',
    vendorRecordingId: contactId,
    interactionId: e.masterContactId ?? contactId,
    interactionDate: startDate ?? partitionDate(e.timestamp),
    eventType: e.eventType,
    vendorEventId: e.eventId ?? null,
  };
}
