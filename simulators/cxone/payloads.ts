// NICE CXone JSON for a simulated recording: a completed contact (Reporting API field names), a media-playback
// answer (interactions[].data.fileToPlayUrl) and the integrator-defined recordingReady webhook body.
import { randomUUID } from 'node:crypto';
import type { TSimRecording } from '../types';

const POINT_OF_CONTACT = '+18005550123';

export function completedContact(rec: TSimRecording) {
  const inbound = rec.direction === 'inbound';
  const [firstName, ...rest] = rec.agent.name.split(' ');
  const people = rec.missing.includes('participants')
    ? {}
    : {
        agentId: Number(rec.agent.id.replace(/\D/g, '')) || rec.agent.id,
        firstName,
        lastName: rest.join(' '),
        fromAddr: inbound ? rec.customer.number : POINT_OF_CONTACT,
        toAddr: inbound ? POINT_OF_CONTACT : rec.customer.number,
      };
  return {
    contactId: Number(rec.id),
    masterContactId: Number(rec.interactionId),
    contactStart: new Date(rec.startTime.getTime() - 4000).toISOString(),
    lastUpdateTime: rec.updatedAt.toISOString(),
    mediaTypeId: 4,
    mediaTypeName: 'Call',
    ...(rec.missing.includes('direction') ? {} : { isOutbound: !inbound }),
    ...people,
    skillName: inbound ? 'Support Inbound' : 'Collections Outbound',
    teamName: 'Team A',
    totalDurationSeconds: Math.round(rec.seconds + 4),
    endReason: 'Contact Hung Up',
    state: 'EndContact',
  };
}

export function playback(rec: TSimRecording, fileToPlayUrl: string) {
  return {
    contactId: rec.id,
    interactions: [
      {
        mediaType: 'voice-only',
        ...(rec.missing.includes('startTime') ? {} : { startTime: rec.startTime.toISOString() }),
        ...(rec.missing.includes('endTime') ? {} : { endTime: rec.endTime.toISOString() }),
        callTagging: rec.tags,
        data: { fileToPlayUrl, ...(rec.missing.includes('duration') ? {} : { duration: rec.seconds }) },
      },
    ],
  };
}

export function recordingReadyEvent(rec: TSimRecording) {
  return {
    eventType: 'recordingReady',
    eventId: `evt-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    businessUnitId: 4600123,
    contactId: Number(rec.id),
    masterContactId: Number(rec.interactionId),
    startDate: rec.startTime.toISOString(),
    recordingId: `rec-cxone-${rec.id}`,
    fileName: `${rec.id}.mp3`,
    mediaType: 'voice',
  };
}
