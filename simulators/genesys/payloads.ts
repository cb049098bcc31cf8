// Genesys Cloud JSON for a simulated recording: analytics conversation details, recording metadata, the
// recording (with mediaUris), and webhook bodies (seed recording.completed, EventBridge conversation end).
import { randomUUID } from 'node:crypto';
import type { TSimRecording } from '../types';

const IVR_NUMBER = '+18005550100';

function tel(number: string): string {
  return `tel:${number}`;
}

function customerSession(rec: TSimRecording) {
  const inbound = rec.direction === 'inbound';
  return {
    mediaType: 'voice',
    sessionId: `${rec.interactionId}-c`,
    direction: rec.direction,
    ani: tel(inbound ? rec.customer.number : IVR_NUMBER),
    dnis: tel(inbound ? IVR_NUMBER : rec.customer.number),
    segments: [{ segmentStart: rec.startTime.toISOString(), segmentEnd: rec.endTime.toISOString(), segmentType: 'interact' }],
  };
}

function agentSession(rec: TSimRecording) {
  return {
    mediaType: 'voice',
    sessionId: `${rec.interactionId}-a`,
    direction: rec.direction,
    recording: true,
    segments: [
      { segmentStart: rec.startTime.toISOString(), segmentEnd: rec.endTime.toISOString(), segmentType: 'interact' },
      { segmentStart: rec.endTime.toISOString(), segmentEnd: rec.endTime.toISOString(), segmentType: 'wrapup', wrapUpCode: 'resolved', wrapUpTags: rec.tags },
    ],
  };
}

export function conversationDetails(recs: TSimRecording[]) {
  const first = recs[0] as TSimRecording;
  const last = recs.reduce((a, b) => (b.endTime > a.endTime ? b : a), first);
  const participants = first.missing.includes('participants')
    ? [{ participantId: `${first.interactionId}-q`, participantName: 'Support', purpose: 'acd', sessions: [] }]
    : [
        { participantId: `${first.interactionId}-p1`, participantName: first.customer.name ?? undefined, purpose: 'customer', sessions: [customerSession(first)] },
        { participantId: `${first.interactionId}-q`, participantName: 'Support', purpose: 'acd', sessions: [] },
        { participantId: `${first.interactionId}-p2`, participantName: first.agent.name, purpose: 'agent', userId: first.agent.id, sessions: [agentSession(first)] },
      ];
  return {
    conversationId: first.interactionId,
    conversationStart: new Date(first.startTime.getTime() - 3000).toISOString(),
    conversationEnd: new Date(last.endTime.getTime() + 500).toISOString(),
    ...(first.missing.includes('direction') ? {} : { originatingDirection: first.direction }),
    divisionIds: ['00000000-0000-0000-0000-000000000000'],
    participants,
  };
}

export function recordingMetadata(rec: TSimRecording) {
  return {
    id: rec.id,
    conversationId: rec.interactionId,
    ...(rec.missing.includes('startTime') ? {} : { startTime: rec.startTime.toISOString() }),
    ...(rec.missing.includes('endTime') ? {} : { endTime: rec.endTime.toISOString() }),
    media: 'audio',
    fileState: 'AVAILABLE',
    recordingFileRole: 'CUSTOMER_EXPERIENCE',
    selfUri: `/api/v2/conversations/${rec.interactionId}/recordings/${rec.id}`,
  };
}

export function recording(rec: TSimRecording, mediaUri: string) {
  return {
    ...recordingMetadata(rec),
    mediaUris: { S: { mediaUri } },
    ...(rec.missing.includes('duration') ? {} : { outputDurationMs: Math.round(rec.seconds * 1000) }),
    outputSizeInBytes: rec.mediaSize(),
  };
}

export function seedEvent(rec: TSimRecording) {
  return {
    type: 'recording.completed',
    id: `evt-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    data: {
      id: rec.id,
      conversationId: rec.interactionId,
      mediaType: 'voice',
      duration: rec.seconds,
      participants: [
        { id: rec.agent.id, type: 'agent', displayName: rec.agent.name },
        { id: `ext-${rec.interactionId.slice(0, 8)}`, type: 'external', displayName: rec.customer.number },
      ],
      tags: rec.tags,
      status: 'completed',
    },
  };
}

/** Amazon EventBridge envelope of a v2.detail.events.conversation.{id}.customer.end notification. */
export function conversationEndEvent(rec: TSimRecording) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
    source: 'aws.partner/genesys.com/cloud/00000000-org/callvault',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {
      topicName: `v2.detail.events.conversation.${rec.interactionId}.customer.end`,
      version: '2',
      eventBody: {
        eventTime: rec.endTime.toISOString(),
        conversationId: rec.interactionId,
        participantId: `${rec.interactionId}-p1`,
        mediaType: 'VOICE',
        direction: rec.direction.toUpperCase(),
        disconnectType: 'PEER',
      },
      metadata: { CorrelationId: randomUUID() },
    },
  };
}
