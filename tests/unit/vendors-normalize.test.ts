// Normalization of vendor metadata into the canonical record: exact mapping, and every mandatory field
// missing or invalid → a named problem, never a default.
import { describe, expect, it } from 'vitest';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';
import type { TVendorAccount } from '@/lib/vendors/types';

const base = { name: 'x', instance: 'x', residencyRegion: 'us', apiBaseUrl: 'https://x', authUrl: 'https://x', clientId: 'a', clientSecret: 'b', tlsPins: [], requestsPerMinute: 60, webhookBearerToken: null, webhookHmacSecret: null };
const GENESYS: TVendorAccount = { ...base, id: 'g', vendorSource: 'GENESYS_CLOUD' };
const CXONE: TVendorAccount = { ...base, id: 'c', vendorSource: 'NICE_CXONE' };

function genesysPayload() {
  return {
    formatId: 'WAV',
    recording: {
      id: 'rec-9a1b',
      conversationId: 'conv-7f6e',
      startTime: '2024-05-14T08:30:32.000Z',
      endTime: '2024-05-14T08:32:54.500Z',
      outputDurationMs: 142500,
      media: 'audio',
      mediaUris: { S: { mediaUri: 'https://example.invalid/x.wav' } },
    },
    conversation: {
      conversationId: 'conv-7f6e',
      originatingDirection: 'inbound',
      participants: [
        { participantId: 'p1', purpose: 'customer', participantName: 'Masked', sessions: [{ ani: 'tel:+15550199887', dnis: 'tel:+18005550100', segments: [] }] },
        { participantId: 'p2', purpose: 'acd', participantName: 'Support', sessions: [] },
        {
          participantId: 'p3',
          purpose: 'agent',
          userId: 'agent-123',
          participantName: 'J. Smith',
          sessions: [{ segments: [{ segmentType: 'wrapup', wrapUpTags: ['PCI-Scoped', ' finra-retention-6yr ', 'pci-scoped'] }] }],
        },
        { participantId: 'p4', purpose: 'external', participantName: 'Supervisor line', sessions: [{ ani: 'tel:+15550000001' }] },
      ],
    },
  };
}

function cxonePayload() {
  return {
    contact: { contactId: 583920174, masterContactId: 583920170, isOutbound: true, agentId: 1001, firstName: 'J.', lastName: 'Smith', fromAddr: '+18005550123', toAddr: '+442079460958' },
    playback: {
      contactId: '583920174',
      interactions: [
        { mediaType: 'voice-only', startTime: '2024-05-14T08:30:32Z', endTime: '2024-05-14T08:32:54.5Z', callTagging: ['Compliance', { name: 'PCI-Scoped' }], data: { fileToPlayUrl: 'https://x/rec/583920174.mp3?sig=1', duration: 142.5 } },
      ],
    },
  };
}

const genesysRaw = (payload: unknown) => ({ payload, schemaVersion: 'genesys-recording-v2' });
const cxoneRaw = (payload: unknown) => ({ payload, schemaVersion: 'cxone-media-playback-v1' });

describe('Genesys normalization', () => {
  it('maps a complete payload exactly', () => {
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(genesysPayload()), GENESYS);
    expect(result).toEqual({
      ok: true,
      record: {
        vendorSource: 'GENESYS_CLOUD',
        vendorRecordingId: 'rec-9a1b',
        interactionId: 'conv-7f6e',
        startTime: new Date('2024-05-14T08:30:32.000Z'),
        endTime: new Date('2024-05-14T08:32:54.500Z'),
        durationSeconds: 142.5,
        direction: 'INBOUND',
        participants: [
          { role: 'CUSTOMER', identifier: '+15550199887', displayName: 'Masked' },
          { role: 'AGENT', identifier: 'agent-123', displayName: 'J. Smith' },
          { role: 'CUSTOMER', identifier: '+15550000001', displayName: 'Supervisor line' },
        ],
        complianceTags: ['pci-scoped', 'finra-retention-6yr'],
        mediaFormat: 'wav',
        rawVendorPayloadVersion: 'genesys-recording-v2',
      },
    });
  });

  it('takes the dialled number as the customer on outbound calls', () => {
    const p = genesysPayload();
    p.conversation.originatingDirection = 'outbound';
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(p), GENESYS);
    expect(result.ok && result.record.participants[0]).toEqual({ role: 'CUSTOMER', identifier: '+18005550100', displayName: 'Masked' });
    expect(result.ok && result.record.direction).toBe('OUTBOUND');
  });

  const removals: [string, (p: ReturnType<typeof genesysPayload>) => void, 'missing' | 'invalid'][] = [
    ['vendorRecordingId', (p) => delete (p.recording as Partial<typeof p.recording>).id, 'missing'],
    ['interactionId', (p) => {
      delete (p.recording as Partial<typeof p.recording>).conversationId;
      delete (p.conversation as Partial<typeof p.conversation>).conversationId;
    }, 'missing'],
    ['startTime', (p) => delete (p.recording as Partial<typeof p.recording>).startTime, 'missing'],
    ['endTime', (p) => delete (p.recording as Partial<typeof p.recording>).endTime, 'missing'],
    ['durationSeconds', (p) => delete (p.recording as Partial<typeof p.recording>).outputDurationMs, 'missing'],
    ['direction', (p) => delete (p.conversation as Partial<typeof p.conversation>).originatingDirection, 'missing'],
    ['participants', (p) => (p.conversation.participants = p.conversation.participants.filter((x) => x.purpose === 'acd')), 'missing'],
    ['mediaFormat', (p) => delete (p as Partial<typeof p>).formatId, 'missing'],
    ['startTime', (p) => (p.recording.startTime = '14/05/2024 08:30'), 'invalid'],
    ['startTime', (p) => (p.recording.startTime = '2024-05-14T08:30:32'), 'invalid'],
    ['durationSeconds', (p) => (p.recording.outputDurationMs = -1), 'invalid'],
    ['durationSeconds', (p) => ((p.recording as Record<string, unknown>).outputDurationMs = '142500'), 'invalid'],
    ['direction', (p) => (p.conversation.originatingDirection = 'sideways'), 'invalid'],
    ['endTime', (p) => (p.recording.endTime = '2024-05-14T08:00:00.000Z'), 'invalid'],
    ['mediaFormat', (p) => (p.formatId = 'NONE'), 'invalid'],
  ];

  it.each(removals)('%s → %s problem, never a default', (field, mutate, problem) => {
    const p = genesysPayload();
    mutate(p);
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(p), GENESYS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ field, problem })]);
    expect(result.partial).not.toHaveProperty(field);
  });

  it('reports every problem at once', () => {
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw({ formatId: 'WAV', recording: {}, conversation: {} }), GENESYS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field).sort()).toEqual(['direction', 'durationSeconds', 'endTime', 'interactionId', 'participants', 'startTime', 'vendorRecordingId']);
    }
  });

  it('refuses a payload of another schema version', () => {
    const result = normalizeMetadata('GENESYS_CLOUD', { payload: genesysPayload(), schemaVersion: 'genesys-recording-v1' }, GENESYS);
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'rawVendorPayloadVersion', problem: 'invalid' }] });
  });
});

describe('CXone normalization', () => {
  it('maps a complete payload exactly', () => {
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw(cxonePayload()), CXONE);
    expect(result).toEqual({
      ok: true,
      record: {
        vendorSource: 'NICE_CXONE',
        vendorRecordingId: '583920174',
        interactionId: '583920170',
        startTime: new Date('2024-05-14T08:30:32Z'),
        endTime: new Date('2024-05-14T08:32:54.5Z'),
        durationSeconds: 142.5,
        direction: 'OUTBOUND',
        participants: [
          { role: 'AGENT', identifier: '1001', displayName: 'J. Smith' },
          { role: 'CUSTOMER', identifier: '+442079460958', displayName: null },
        ],
        complianceTags: ['compliance', 'pci-scoped'],
        mediaFormat: 'mp3',
        rawVendorPayloadVersion: 'cxone-media-playback-v1',
      },
    });
  });

  type P = ReturnType<typeof cxonePayload>;
  const voice = (p: P) => p.playback.interactions[0] as Record<string, unknown> & { data: Record<string, unknown> };
  const removals: [string, (p: P) => void, 'missing' | 'invalid'][] = [
    ['vendorRecordingId', (p) => delete (p.contact as Partial<P['contact']>).contactId, 'missing'],
    ['vendorRecordingId', (p) => (p.playback.contactId = '1'), 'invalid'],
    ['startTime', (p) => delete voice(p).startTime, 'missing'],
    ['endTime', (p) => delete voice(p).endTime, 'missing'],
    ['durationSeconds', (p) => delete voice(p).data.duration, 'missing'],
    ['durationSeconds', (p) => (voice(p).data.duration = Number.NaN), 'invalid'],
    ['direction', (p) => delete (p.contact as Partial<P['contact']>).isOutbound, 'missing'],
    ['direction', (p) => ((p.contact as Record<string, unknown>).isOutbound = 'yes'), 'invalid'],
    ['mediaFormat', (p) => (voice(p).data.fileToPlayUrl = 'https://x/rec/583920174?sig=1'), 'invalid'],
  ];

  it.each(removals)('%s → %s problem, never a default', (field, mutate, problem) => {
    const p = cxonePayload();
    mutate(p);
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw(p), CXONE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ field, problem }));
  });

  it('has no participants (a problem) when the contact names neither agent nor customer', () => {
    const p = cxonePayload();
    const { agentId: _a, firstName: _f, lastName: _l, fromAddr: _fr, toAddr: _t, ...rest } = p.contact;
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw({ ...p, contact: rest }), CXONE);
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'participants', problem: 'missing' }] });
  });

  it('does not guess the customer address when the direction is unknown', () => {
    const p = cxonePayload();
    delete (p.contact as Partial<P['contact']>).isOutbound;
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw(p), CXONE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.partial.participants).toEqual([{ role: 'AGENT', identifier: '1001', displayName: 'J. Smith' }]);
  });

  it('has no voice interaction → time, duration and format all reported', () => {
    const p = cxonePayload();
    p.playback.interactions = [];
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw(p), CXONE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((x) => x.field).sort()).toEqual(['durationSeconds', 'endTime', 'mediaFormat', 'startTime']);
  });
});
