// Genesys Cloud metadata (recording + analytics conversation details, as fetched by the client) → canonical
// record. Every mandatory field comes from the vendor's own value: duration is outputDurationMs / 1000 (stated),
// direction is the conversation's originatingDirection, never inferred.
import type { CallDirection } from '@/lib/generated/prisma/enums';
import { asArray, asRecord, callerAddress, CanonicalBuilder, normalizeTags, stringOrNull } from '@/lib/vendors/normalize-fields';
import type { TCanonicalParticipant, TNormalizeResult } from '@/lib/vendors/types';
import { FORMAT_LABELS, GENESYS_SCHEMA_VERSION } from './wire';

const DIRECTIONS: Record<string, CallDirection> = { inbound: 'INBOUND', outbound: 'OUTBOUND' };
/** Routing machinery, not parties to the call. */
const SYSTEM_PURPOSES = new Set(['acd', 'ivr', 'workflow', 'fax', 'dialer']);

function sessionsOf(participant: Record<string, unknown>): Record<string, unknown>[] {
  return asArray(participant.sessions).map(asRecord);
}

function participantOf(p: Record<string, unknown>, direction: string | undefined): TCanonicalParticipant | null {
  const purpose = typeof p.purpose === 'string' ? p.purpose.toLowerCase() : '';
  if (SYSTEM_PURPOSES.has(purpose)) return null;
  const displayName = stringOrNull(p.participantName);
  if (purpose === 'agent' || purpose === 'user') return { role: 'AGENT', identifier: stringOrNull(p.userId), displayName };
  if (purpose === 'customer') {
    // The customer's own number: the caller (ani) on inbound calls, the dialled number (dnis) on outbound.
    const session = sessionsOf(p)[0] ?? {};
    const number = direction === 'outbound' ? session.dnis : direction === 'inbound' ? session.ani : undefined;
    return { role: 'CUSTOMER', identifier: callerAddress(number) ?? stringOrNull(p.externalContactId), displayName };
  }
  // `external` is a third party (a consulted number, a transfer target): a party to the call, not the customer,
  // so it neither identifies the customer nor decides residency.
  if (purpose === 'external') {
    const session = sessionsOf(p)[0] ?? {};
    return {
      role: 'OTHER',
      identifier: callerAddress(session.addressOther ?? session.remote ?? session.dnis) ?? stringOrNull(p.participantId),
      displayName,
    };
  }
  return { role: 'OTHER', identifier: stringOrNull(p.userId ?? p.participantId), displayName };
}

function wrapUpTags(participants: Record<string, unknown>[]): unknown[] {
  return participants.flatMap((p) => sessionsOf(p).flatMap((s) => asArray(s.segments).flatMap((seg) => asArray(asRecord(seg).wrapUpTags))));
}

export function normalizeGenesys(payload: unknown): TNormalizeResult {
  const root = asRecord(payload);
  const recording = asRecord(root.recording);
  const conversation = asRecord(root.conversation);
  const b = new CanonicalBuilder();
  b.set('vendorSource', 'GENESYS_CLOUD');
  b.set('rawVendorPayloadVersion', GENESYS_SCHEMA_VERSION);
  b.id('vendorRecordingId', recording.id, 'recording.id');
  b.id('interactionId', recording.conversationId ?? conversation.conversationId, 'recording.conversationId');
  b.time('startTime', recording.startTime, 'recording.startTime');
  b.time('endTime', recording.endTime, 'recording.endTime');
  b.seconds(recording.outputDurationMs, 1000, 'recording.outputDurationMs');

  const direction = conversation.originatingDirection;
  if (direction === undefined || direction === null) b.problem('direction', 'missing', 'conversation.originatingDirection is absent');
  else if (typeof direction !== 'string' || !DIRECTIONS[direction])
    b.problem('direction', 'invalid', `originatingDirection "${String(direction)}" is not inbound/outbound`);
  else b.set('direction', DIRECTIONS[direction]);

  const people = asArray(conversation.participants).map(asRecord);
  const participants = people.map((p) => participantOf(p, typeof direction === 'string' ? direction : undefined)).filter((p) => p !== null);
  if (participants.length === 0) b.problem('participants', 'missing', 'conversation.participants has no agent, customer or other party');
  else b.set('participants', participants);
  b.set('complianceTags', normalizeTags(wrapUpTags(people)));

  const media = typeof recording.media === 'string' ? recording.media.toLowerCase() : 'audio';
  const format = typeof root.formatId === 'string' ? FORMAT_LABELS[root.formatId] : undefined;
  if (media !== 'audio') b.problem('mediaFormat', 'invalid', `recording.media is "${media}": only audio recordings are archived as calls`);
  else if (root.formatId === undefined) b.problem('mediaFormat', 'missing', 'formatId is absent');
  else if (!format) b.problem('mediaFormat', 'invalid', `formatId "${String(root.formatId)}" is not an audio format we archive`);
  else b.set('mediaFormat', format);
  return b.result();
}
