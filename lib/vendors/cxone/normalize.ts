// NICE CXone metadata (completed contact + media-playback answer, as fetched by the client) → canonical record.
// Timing and duration are the recording's own (the voice interaction of the playback answer), direction is the
// contact's isOutbound flag; nothing is inferred or defaulted.
import { asArray, asRecord, CanonicalBuilder, normalizeTags, stringOrNull } from '@/lib/vendors/normalize-fields';
import type { TCanonicalParticipant, TNormalizeResult } from '@/lib/vendors/types';
import { CXONE_SCHEMA_VERSION } from './wire';

const FORMATS: Record<string, string> = { mp3: 'mp3', mp4: 'mp4', m4a: 'mp4', wav: 'wav', ogg: 'ogg', opus: 'ogg', webm: 'webm' };

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

function formatOf(b: CanonicalBuilder, fileToPlayUrl: unknown): void {
  if (typeof fileToPlayUrl !== 'string' || fileToPlayUrl === '') return b.problem('mediaFormat', 'missing', 'interaction fileToPlayUrl is absent');
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(fileToPlayUrl, 'http://x').pathname)?.[1]?.toLowerCase();
  const format = ext ? FORMATS[ext] : undefined;
  if (!format) return b.problem('mediaFormat', 'invalid', `fileToPlayUrl has no known audio extension (${ext ?? 'none'})`);
  b.set('mediaFormat', format);
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
  if (playback.contactId !== undefined && String(playback.contactId) !== String(contact.contactId)) {
    b.problem('vendorRecordingId', 'invalid', 'playback.contactId differs from contact.contactId');
  }
  b.id('interactionId', contact.masterContactId ?? contact.contactId, 'contact.masterContactId');
  b.time('startTime', interaction.startTime, 'interaction.startTime');
  b.time('endTime', interaction.endTime, 'interaction.endTime');
  b.seconds(data.duration, 1, 'interaction.data.duration');

  const isOutbound = typeof contact.isOutbound === 'boolean' ? contact.isOutbound : null;
  if (contact.isOutbound === undefined || contact.isOutbound === null) b.problem('direction', 'missing', 'contact.isOutbound is absent');
  else if (isOutbound === null) b.problem('direction', 'invalid', 'contact.isOutbound is not a boolean');
  else b.set('direction', isOutbound ? 'OUTBOUND' : 'INBOUND');

  const participants = participantsOf(contact, isOutbound);
  if (participants.length === 0) b.problem('participants', 'missing', 'contact has neither agent nor customer address');
  else b.set('participants', participants);
  const tagging = asArray(interaction.callTagging).map((t) => (typeof t === 'string' ? t : asRecord(t).name));
  b.set('complianceTags', normalizeTags(tagging));
  formatOf(b, data.fileToPlayUrl);
  return b.result();
}
