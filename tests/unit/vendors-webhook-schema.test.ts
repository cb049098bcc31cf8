// Webhook bodies: the seed's payloads and the real Genesys route parse into recording/interaction events;
// anything else is a ZodError (→ 422 upstream).
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

const eventBridge = {
  version: '0',
  id: 'eb-1',
  'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
  time: '2024-05-14T08:33:00Z',
  detail: { topicName: 'v2.detail.events.conversation.c-1.customer.end', eventBody: { conversationId: 'c-1' }, metadata: { CorrelationId: 'corr-1' } },
};

describe('Genesys parseWebhook', () => {
  it('accepts the seed example verbatim (no conversation id)', () => {
    expect(parseGenesys(seed)).toEqual({
      kind: 'recording',
      vendorRecordingId: 'rec-9a1b2c3d-4e5f-6789-0123-456789abcdef',
      interactionId: null,
      interactionDate: '2024-05-14',
      eventType: 'recording.completed',
      vendorEventId: 'evt-8f3a2c1d-4b5e-6789-a012-3456789abcde',
    });
  });

  it('carries the conversation id when the integrator adds it', () => {
    expect(parseGenesys({ ...seed, data: { ...seed.data, conversationId: 'c-9' } })).toMatchObject({ interactionId: 'c-9' });
  });

  it('turns an EventBridge conversation end into an interaction event', () => {
    expect(parseGenesys(eventBridge)).toEqual({ kind: 'interaction', interactionId: 'c-1', interactionDate: '2024-05-14', eventType: eventBridge['detail-type'], vendorEventId: 'eb-1' });
    const { id: _id, time: _t, ...noIds } = eventBridge;
    expect(parseGenesys({ ...noIds, detail: { ...eventBridge.detail, eventBody: { id: 'c-2' } } })).toMatchObject({ interactionId: 'c-2', interactionDate: null, vendorEventId: 'corr-1' });
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
  const ready = { eventType: 'recordingReady', eventId: 'e-1', timestamp: '2024-05-14T08:32:15Z', contactId: 583920174, masterContactId: 583920170, startDate: '2024-05-13T23:59:00Z' };

  it('names the contact as the recording', () => {
    expect(parseCxone(ready)).toEqual({ kind: 'recording', vendorRecordingId: '583920174', interactionId: '583920170', interactionDate: '2024-05-13', eventType: 'recordingReady', vendorEventId: 'e-1' });
    expect(parseCxone({ eventType: 'recordingReady', timestamp: '2024-05-14T08:32:15Z', contactId: '42' })).toMatchObject({ vendorRecordingId: '42', interactionId: '42', interactionDate: '2024-05-14', vendorEventId: null });
  });

  it.each([
    ['no contact', { ...ready, contactId: undefined }],
    ['contact id with a path', { ...ready, contactId: '../42' }],
    ['other event', { ...ready, eventType: 'contactEnded' }],
  ])('refuses %s', (_name, body) => {
    expect(() => parseCxone(body)).toThrow(ZodError);
  });
});
