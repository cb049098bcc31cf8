// Webhook bodies: the documented integrator payloads and the real Genesys routes (published-model fixtures) parse into
// recording/interaction events; strict only on what fetching needs, lenient on everything else; anything
// else is a ZodError (→ 422 upstream).
import { readFileSync } from 'node:fs';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseWebhook as parseCxone } from '@/lib/vendors/cxone/webhook-schema';
import { parseWebhook as parseGenesys } from '@/lib/vendors/genesys/webhook-schema';

const seed = {
  type: 'recording.completed',
  id: 'evt-8f3a2c1d-4b5e-6789-a012-3456789abcde',
  timestamp: '2024-05-14T08:32:15.123Z',
  data: {
    id: 'rec-9a1b2c3d-4e5f-6789-0123-456789abcdef',
    mediaType: 'voice',
    duration: 142.5,
    participants: [
      { id: 'agent-123', type: 'agent', displayName: 'J. Smith' },
      { id: 'ext-456', type: 'external', displayName: '+15550199887' },
    ],
    tags: ['compliance', 'pci-scoped'],
    status: 'completed',
  },
};

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`tests/fixtures/vendors/${name}`, 'utf8')) as Record<string, unknown>;
const CONVERSATION = 'b1e0c3a2-7d64-4f19-9a85-2e7c61f0d3b8';

const eventBridge = {
  version: '0',
  id: 'eb-1',
  'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
  time: '2024-05-14T08:33:00Z',
  detail: {
    topicName: 'v2.detail.events.conversation.c-1.customer.end',
    eventBody: { conversationId: 'c-1' },
    metadata: { CorrelationId: 'corr-1' },
  },
};

describe('Genesys parseWebhook', () => {
  it('refuses the integrator example without a conversation id, saying why (nothing could fetch it later)', () => {
    expect(() => parseGenesys(seed)).toThrow(/conversationId is required/);
  });

  it('accepts the integrator example with the conversation id, whatever the unused fields hold', () => {
    const lenient = {
      ...seed,
      data: {
        ...seed.data,
        conversationId: 'c-9',
        duration: '142.5',
        participants: [...seed.data.participants, { id: 'p', type: 'agent', displayName: null }],
      },
    };
    expect(parseGenesys(lenient)).toEqual({
      kind: 'recording',
      vendorRecordingId: 'rec-9a1b2c3d-4e5f-6789-0123-456789abcdef',
      interactionId: 'c-9',
      interactionDate: '2024-05-14',
      eventType: 'recording.completed',
      vendorEventId: 'evt-8f3a2c1d-4b5e-6789-a012-3456789abcde',
    });
  });

  it('dates an offset timestamp by its UTC day', () => {
    expect(parseGenesys({ ...seed, timestamp: '2024-05-14T22:30:00-05:00', data: { ...seed.data, conversationId: 'c-9' } })).toMatchObject({
      interactionDate: '2024-05-15',
    });
  });

  it.each(['customer-end-event.json', 'user-end-event.json', 'acw-event.json', 'wrapup-event.json', 'voicemail-end-event.json'])(
    'turns the published %s into an interaction event (epoch-ms eventTime → UTC date)',
    (name) => {
      const body = fixture(`genesys/${name}`);
      expect(parseGenesys(body)).toMatchObject({
        kind: 'interaction',
        interactionId: CONVERSATION,
        eventType: body['detail-type'],
        vendorEventId: body.id,
      });
      expect(parseGenesys(body).interactionDate).toMatch(/^2024-05-14$/);
    },
  );

  it.each(['recording-topic-event.json', 'user-recordings-event.json'])('turns the published %s into a recording event', (name) => {
    expect(parseGenesys(fixture(`genesys/${name}`))).toMatchObject({
      kind: 'recording',
      vendorRecordingId: '4f2c8a61-93d0-4b7e-a1f5-0c6e2d9b7a14',
      interactionId: CONVERSATION,
    });
  });

  it('accepts a delivery of only the EventBridge detail (input transformer)', () => {
    const detail = fixture('genesys/customer-end-event.json').detail as Record<string, unknown>;
    expect(parseGenesys(detail)).toMatchObject({
      kind: 'interaction',
      interactionId: CONVERSATION,
      vendorEventId: '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
    });
  });

  it('refuses a recording topic without its conversation id, saying why', () => {
    const body = fixture('genesys/recording-topic-event.json');
    const detail = body.detail as { eventBody: Record<string, unknown> };
    delete detail.eventBody.conversationId;
    expect(() => parseGenesys(body)).toThrow(/conversationId is required/);
  });

  it('turns an EventBridge conversation end into an interaction event', () => {
    expect(parseGenesys(eventBridge)).toEqual({
      kind: 'interaction',
      interactionId: 'c-1',
      interactionDate: '2024-05-14',
      eventType: eventBridge['detail-type'],
      vendorEventId: 'eb-1',
    });
    const { id: _id, time: _t, ...noIds } = eventBridge;
    expect(parseGenesys({ ...noIds, detail: { ...eventBridge.detail, eventBody: { id: 'c-2' } } })).toMatchObject({
      interactionId: 'c-2',
      interactionDate: null,
      vendorEventId: 'corr-1',
    });
  });

  it.each([
    ['no recording id', { ...seed, data: { ...seed.data, id: '' } }],
    ['bad timestamp', { ...seed, timestamp: 'yesterday' }],
    ['other topic', { ...eventBridge, 'detail-type': 'v2.users.{id}.presence' }],
    ['no conversation', { ...eventBridge, detail: { eventBody: {} } }],
    ['not an object', 'recording.completed'],
  ])('refuses %s', (_name, body) => {
    expect(() => parseGenesys(body)).toThrow(ZodError);
  });
});

describe('CXone parseWebhook', () => {
  const ready = {
    eventType: 'recordingReady',
    eventId: 'e-1',
    timestamp: '2024-05-14T08:32:15Z',
    contactId: 583920174,
    masterContactId: 583920170,
    startDate: '2024-05-13T23:59:00Z',
  };

  it('names the contact as the recording', () => {
    expect(parseCxone(ready)).toEqual({
      kind: 'recording',
      vendorRecordingId: '583920174',
      interactionId: '583920170',
      interactionDate: '2024-05-13',
      eventType: 'recordingReady',
      vendorEventId: 'e-1',
    });
    expect(parseCxone({ eventType: 'recordingReady', timestamp: '2024-05-14T08:32:15Z', contactId: '42' })).toMatchObject({
      vendorRecordingId: '42',
      interactionId: '42',
      interactionDate: '2024-05-14',
      vendorEventId: null,
    });
  });

  it.each([
    ['no contact', { ...ready, contactId: undefined }],
    ['contact id with a path', { ...ready, contactId: '../42' }],
    ['other event', { ...ready, eventType: 'contactEnded' }],
  ])('refuses %s', (_name, body) => {
    expect(() => parseCxone(body)).toThrow(ZodError);
  });
});
