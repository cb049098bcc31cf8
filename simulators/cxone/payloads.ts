// NICE CXone JSON for a simulated recording: a completed contact (Reporting API field names), a media-playback
// answer shaped like the published Media Playback API types (checked by tests/integration/vendor-contract.test.ts:
// no duration, acdcontactId = the master contact, callTaggingList[].value, participant and segment lists) and
// the integrator-defined recordingReady webhook body.
import { createHash, randomUUID } from 'node:crypto';
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

/** The recording system's own contact id (a UUID-like string, not the ACD contact id). */
function recordingContactId(rec: TSimRecording): string {
  const h = createHash('sha256').update(`cxone-contact:${rec.interactionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function participantDataList(rec: TSimRecording, start: string | null, end: string | null) {
  const stage = start && end ? [{ stageType: 'ACTIVE', startTime: start, endTime: end }] : [];
  return [
    { participantType: 'AGENT', agentName: rec.agent.name, userId: randomUUID(), channel: 1, voiceStages: stage },
    { participantType: 'CUSTOMER', channel: 0, voiceStages: stage },
  ];
}

export function playback(rec: TSimRecording, fileToPlayUrl: string) {
  const start = rec.missing.includes('startTime') ? null : rec.startTime.toISOString();
  const end = rec.missing.includes('endTime') ? null : rec.endTime.toISOString();
  const times = { ...(start ? { startTime: start } : {}), ...(end ? { endTime: end } : {}) };
  return {
    contactId: recordingContactId(rec),
    acdcontactId: rec.interactionId,
    elevatedInteraction: false,
    interactions: [
      {
        mediaType: 'voice-only',
        channelType: 'PHONE_CALL',
        ...times,
        '@type': 'call',
        data: {
          ...times,
          ...(rec.missing.includes('mediaFormat') ? {} : { fileToPlayUrl }),
          participantDataList: participantDataList(rec, start, end),
          segmentsDataList: [
            {
              ...times,
              directionType: rec.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
              segmentId: randomUUID(),
              channelType: 'PHONE_CALL',
              firstSegment: true,
            },
          ],
          categoryMatchesList: [],
          sentiments: [],
        },
        callTaggingList: rec.tags.map((value) => ({ value, updateTime: rec.endTime.toISOString() })),
        dynamicBusinessData: [],
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
