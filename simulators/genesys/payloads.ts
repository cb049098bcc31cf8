// Genesys Cloud JSON for a simulated recording, shaped like the published Platform API models (and checked
// against them by tests/integration/vendor-contract.test.ts): analytics conversation details
// (AnalyticsConversationWithoutAttributes), recording metadata and Recording (documented nulls included:
// startTime/endTime/mediaUris are null when there is no playable media), and webhook bodies (seed
// recording.completed, EventBridge conversation detail events with eventTime in epoch ms, recording topics).
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
      {
        segmentStart: rec.endTime.toISOString(),
        segmentEnd: rec.endTime.toISOString(),
        segmentType: 'wrapup',
        wrapUpCode: 'resolved',
        wrapUpTags: rec.tags,
      },
    ],
  };
}

export function conversationDetails(recs: TSimRecording[]) {
  const first = recs[0] as TSimRecording;
  const last = recs.reduce((a, b) => (b.endTime > a.endTime ? b : a), first);
  const participants = first.missing.includes('participants')
    ? [{ participantId: `${first.interactionId}-q`, participantName: 'Support', purpose: 'acd', sessions: [] }]
    : [
        {
          participantId: `${first.interactionId}-p1`,
          participantName: first.customer.name ?? undefined,
          purpose: 'customer',
          sessions: [customerSession(first)],
        },
        { participantId: `${first.interactionId}-q`, participantName: 'Support', purpose: 'acd', sessions: [] },
        {
          participantId: `${first.interactionId}-p2`,
          participantName: first.agent.name,
          purpose: 'agent',
          userId: first.agent.id,
          sessions: [agentSession(first)],
        },
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

/** Playable media exists only while the file is available or restored. */
function playable(rec: TSimRecording): boolean {
  return rec.fileState === 'AVAILABLE' || rec.fileState === 'RESTORED';
}

export function recordingMetadata(rec: TSimRecording) {
  return {
    id: rec.id,
    conversationId: rec.interactionId,
    // Documented: "Null when there is no playable media".
    startTime: rec.missing.includes('startTime') ? null : rec.startTime.toISOString(),
    endTime: rec.missing.includes('endTime') ? null : rec.endTime.toISOString(),
    media: rec.mediaKind,
    fileState: rec.fileState,
    recordingFileRole: 'CUSTOMER_EXPERIENCE',
    creationTime: rec.startTime.toISOString(),
    selfUri: `/api/v2/conversations/${rec.interactionId}/recordings/${rec.id}`,
  };
}

export function recording(rec: TSimRecording, mediaUri: string) {
  const media = playable(rec);
  return {
    ...recordingMetadata(rec),
    ...(media ? {} : { startTime: null, endTime: null }),
    mediaUris: media && !rec.missing.includes('mediaFormat') ? { S: { mediaUri } } : null,
    ...(rec.missing.includes('duration') ? {} : { outputDurationMs: Math.round(rec.seconds * 1000) }),
    // "0 if there is no transcoded media".
    outputSizeInBytes: media ? (rec.statedSizeBytes ?? rec.mediaSize()) : 0,
    ...(rec.fileState === 'ARCHIVED' ? { archiveDate: rec.startTime.toISOString(), archiveMedium: 'CLOUDARCHIVE' } : {}),
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

function eventBridgeEnvelope(detailType: string, topicName: string, eventBody: Record<string, unknown>) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.partner/genesys.com/cloud/00000000-org/callvault',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: { topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } },
  };
}

/** EventBridge delivery of v2.users.{id}.conversations.{id}.recordings (body: RecordingEventRecording). */
export function recordingTopicEvent(rec: TSimRecording) {
  const user = rec.agent.id;
  return eventBridgeEnvelope(
    'v2.users.{id}.conversations.{id}.recordings',
    `v2.users.${user}.conversations.${rec.interactionId}.recordings`,
    {
      id: rec.id,
      conversationId: rec.interactionId,
      fileState: rec.fileState,
      mediaUris: [],
    },
  );
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
      // CustomerEndDetailEventTopicCustomerEndEvent: eventTime is epoch milliseconds.
      eventBody: {
        eventTime: rec.endTime.getTime(),
        conversationId: rec.interactionId,
        participantId: `${rec.interactionId}-p1`,
        sessionId: `${rec.interactionId}-c`,
        mediaType: 'VOICE',
        direction: rec.direction.toUpperCase(),
        disconnectType: 'PEER',
        provider: 'Edge',
      },
      metadata: { CorrelationId: randomUUID() },
    },
  };
}
