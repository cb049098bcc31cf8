// Event-type allowlist per vendor. Unknown types are REFUSED with 422 (not silently 2xx-ignored): a vendor
// subscription pointed at the wrong topic must show up as failed deliveries on the vendor's side, where the
// integrator looks, instead of recordings quietly never arriving.
import { AppError } from '@/lib/http/app-error';
import { CONVERSATION_TOPIC, RECORDING_TOPIC } from '@/lib/vendors/genesys/webhook-schema';
import type { TVendor } from '@/lib/vendors/types';

// Genesys: the integrator-defined recording.completed; conversation detail events (customer.end, user.end, acw, wrapup,
// voicemail.end) and recording topics from EventBridge / Architect — EventBridge keeps the literal {id} in
// detail-type, detail.topicName has the real ids.
const GENESYS = [/^recording\.completed$/, CONVERSATION_TOPIC, RECORDING_TOPIC];
// CXone has no native recording webhook; recordingReady is an integrator-defined event.
const CXONE = [/^recordingReady$/];

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** The event type the body claims, before full validation (so the allowlist runs first). A delivery of only
 *  the EventBridge `detail` carries its topic as a top-level topicName. */
export function claimedEventType(vendor: TVendor, body: unknown): string | null {
  const candidates =
    vendor === 'GENESYS_CLOUD'
      ? [field(body, 'type'), field(body, 'detail-type'), field(field(body, 'detail'), 'topicName'), field(body, 'topicName')]
      : [field(body, 'eventType')];
  const found = candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
  return found ?? null;
}

export function assertAllowedEventType(vendor: TVendor, body: unknown): string {
  const type = claimedEventType(vendor, body);
  if (type === null) {
    throw new AppError('unprocessable', 'Event type missing', [
      { path: vendor === 'NICE_CXONE' ? 'eventType' : 'type', message: 'required' },
    ]);
  }
  const allowed = vendor === 'GENESYS_CLOUD' ? GENESYS : CXONE;
  if (!allowed.some((re) => re.test(type))) {
    throw new AppError('unprocessable', `Event type not accepted: ${type.slice(0, 100)}`, { eventType: type.slice(0, 100) });
  }
  return type;
}
