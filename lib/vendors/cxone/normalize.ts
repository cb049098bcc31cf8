// NICE CXone metadata (contact + media-playback answer, as fetched by the client) → canonical record.
// Timing is the recording's own (the voice interaction of the playback answer). The Media Playback API states
// no duration, so it is DERIVED from that interaction's end - start and recorded as derived; direction is the
// contact's isOutbound flag; nothing else is inferred or defaulted.
import { asArray, asRecord, CanonicalBuilder, normalizeTags, stringOrNull } from '@/lib/vendors/normalize-fields';
import type { TCanonicalParticipant, TNormalizeResult } from '@/lib/vendors/types';
import { formatFromUrl } from './format-from-url';
import { CXONE_SCHEMA_VERSION } from './wire';

function voiceInteraction(playback: Record<string, unknown>): Record<string, unknown> {
  const all = asArray(playback.interactions).map(asRecord);
  return all.find((i) => typeof i.mediaType !== 'string' || i.mediaType.startsWith('voice')) ?? {};
}

function participantsOf(contact: Record<string, unknown>, isOutbound: boolean | null): TCanonicalParticipant[] {
  const people: TCanonicalParticipant[] = [];
  const agentId = stringOrNull(contact.agentId);
  const agentName = [contact.firstName, contact.lastName].filter((n) => typeof n === 'string' && n.trim()).join(' ');
  if (agentId || agentName) people.push({ role: 'AGENT', identifier: agentId, displayName: agentName || null });
  // Which address is the customer depends on the direction; unknown direction → we cannot tell, so none.
  const customer = isOutbound === null ? null : stringOrNull(isOutbound ? contact.toAddr : contact.fromAddr);
  if (customer) people.push({ role: 'CUSTOMER', identifier: customer, displayName: stringOrNull(contact.customerName) });
  return people;
}

/** The URL's file extension is only a label (the bytes decide); an unknown one is said so, not guessed. */
function formatOf(b: CanonicalBuilder, fileToPlayUrl: unknown): void {
  if (typeof fileToPlayUrl !== 'string' || fileToPlayUrl === '')
    return b.problem('mediaFormat', 'missing', 'interaction fileToPlayUrl is absent');
  b.set('mediaFormat', formatFromUrl(fileToPlayUrl) ?? 'unknown');
}

/** callTaggingList entries are objects ({ value, updateTime }); plain strings are taken as given. */
function tagsOf(interaction: Record<string, unknown>): unknown[] {
  return asArray(interaction.callTaggingList).map((t) => (typeof t === 'string' ? t : asRecord(t).value));
}

function derivedDuration(b: CanonicalBuilder): void {
  const { startTime, endTime } = b.partial;
  if (!startTime || !endTime || endTime < startTime)
    return b.problem('durationSeconds', 'missing', 'no duration stated and no valid interaction start/end to derive it from');
  b.set('durationSeconds', (endTime.getTime() - startTime.getTime()) / 1000);
  b.set('durationSource', 'derived');
}

export function normalizeCxone(payload: unknown): TNormalizeResult {
  const root = asRecord(payload);
  const contact = asRecord(root.contact);
  const playback = asRecord(root.playback);
  const interaction = voiceInteraction(playback);
  const data = asRecord(interaction.data);
  const b = new CanonicalBuilder();
  b.set('vendorSource', 'NICE_CXONE');
  b.set('rawVendorPayloadVersion', CXONE_SCHEMA_VERSION);
  b.id('vendorRecordingId', contact.contactId, 'contact.contactId');
  const master = contact.masterContactId ?? contact.contactId;
  // The playback answer is for the ACD (master) contact it was asked about; its own contactId is the
  // recording system's id and is not compared.
  if (playback.acdcontactId !== undefined && playback.acdcontactId !== null && String(playback.acdcontactId) !== String(master)) {
    b.problem('interactionId', 'invalid', 'playback.acdcontactId differs from contact.masterContactId');
  }
  b.id('interactionId', master, 'contact.masterContactId');
  b.time('startTime', interaction.startTime ?? data.startTime, 'interaction.startTime');
  b.time('endTime', interaction.endTime ?? data.endTime, 'interaction.endTime');
  derivedDuration(b);

  const isOutbound = typeof contact.isOutbound === 'boolean' ? contact.isOutbound : null;
  if (contact.isOutbound === undefined || contact.isOutbound === null) b.problem('direction', 'missing', 'contact.isOutbound is absent');
  else if (isOutbound === null) b.problem('direction', 'invalid', 'contact.isOutbound is not a boolean');
  else b.set('direction', isOutbound ? 'OUTBOUND' : 'INBOUND');

  const participants = participantsOf(contact, isOutbound);
  if (participants.length === 0) b.problem('participants', 'missing', 'contact has neither agent nor customer address');
  else b.set('participants', participants);
  b.set('complianceTags', normalizeTags(tagsOf(interaction)));
  formatOf(b, data.fileToPlayUrl);
  return b.result();
}
