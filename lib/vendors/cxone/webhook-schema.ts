// CXone has no public recording-ready webhook; `recordingReady` is the integrator-defined event of the seed,
// sent by a Studio script / middleware when a call's recording is available. Its shape (defined here and sent
// by simulators/cxone) names the ACD contact, which is our vendorRecordingId for CXone.
import { z } from 'zod';
import { partitionDate } from '@/lib/ingest/partition-date';
import type { TWebhookEvent } from '@/lib/vendors/types';


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
  eventId: z.string().min(1).max(200).optional(),
  timestamp: ZIsoTime,
  businessUnitId: z.union([z.string(), z.number()]).optional(),
  contactId: ZContactId,
  masterContactId: ZContactId.optional(),
  startDate: ZIsoTime.optional(),
  recordingId: z.string().max(200).optional(),
  fileName: z.string().max(500).optional(),
  mediaType: z.string().optional(),
});

export function parseWebhook(body: unknown): TWebhookEvent {
  const e = ZRecordingReady.parse(body);
  return {
    kind: 'recording',
    vendorRecordingId: e.contactId,
    interactionId: e.masterContactId ?? e.contactId,
    interactionDate: partitionDate(e.startDate ?? e.timestamp),
    eventType: e.eventType,
    vendorEventId: e.eventId ?? null,
  };
}
