// Normalization of vendor metadata into the canonical record: exact mapping, and every mandatory field
// missing or invalid → a named problem, never a default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';
import type { TVendorAccount } from '@/lib/vendors/types';

const base = {
  name: 'x',
  instance: 'x',
  residencyRegion: 'us',
  apiBaseUrl: 'https://x',
  authUrl: 'https://x',
  clientId: 'a',
  clientSecret: 'b',
  tlsPins: [],
  requestsPerMinute: 60,
  webhookBearerToken: null,
  webhookHmacSecret: null,
};
const GENESYS: TVendorAccount = { ...base, id: 'g', vendorSource: 'GENESYS_CLOUD' };
const CXONE: TVendorAccount = { ...base, id: 'c', vendorSource: 'NICE_CXONE' };

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely below
const fixture = (name: string): TJson => JSON.parse(readFileSync(`tests/fixtures/vendors/${name}`, 'utf8')) as TJson;

/** What the Genesys client assembles: a recording of the published recordings answer + the conversation details. */
function genesysPayload(index = 0) {
  const recordings = fixture('genesys/conversation-recordings.json') as unknown as TJson[];
  return { formatId: 'WAV', recording: recordings[index] as TJson, conversation: fixture('genesys/conversation-details.json') };
}

/** What the CXone client assembles: the contact + the published media-playback answer. */
function cxonePayload() {
  return { contact: fixture('cxone/contact.json'), playback: fixture('cxone/media-playback-contact.json') };
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
        vendorRecordingId: '4f2c8a61-93d0-4b7e-a1f5-0c6e2d9b7a14',
        interactionId: 'b1e0c3a2-7d64-4f19-9a85-2e7c61f0d3b8',
        startTime: new Date('2024-05-14T08:30:32.125Z'),
        endTime: new Date('2024-05-14T08:32:54.625Z'),
        durationSeconds: 142.5,
        durationSource: 'vendor',
        direction: 'INBOUND',
        participants: [
          { role: 'CUSTOMER', identifier: '+15550199887', displayName: null },
          { role: 'AGENT', identifier: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', displayName: 'J. Smith' },
          // `external` is a third party reached over SIP: not the customer; its sip: URI reduced to the number.
          { role: 'OTHER', identifier: '+442079460958', displayName: 'Consulted line' },
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
    expect(result.ok && result.record.participants[0]).toEqual({ role: 'CUSTOMER', identifier: '+18005550100', displayName: null });
    expect(result.ok && result.record.direction).toBe('OUTBOUND');
  });

  it('quarantines the documented null-field recording on its own (missing times, nothing invented)', () => {
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(genesysPayload(1)), GENESYS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['endTime', 'startTime']);
  });

  it('refuses a screen recording as a call', () => {
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(genesysPayload(2)), GENESYS);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: 'mediaFormat', problem: 'invalid', detail: expect.stringContaining('screen') }],
    });
  });

  it('reads a sip: customer address as its number (so dial rules apply)', () => {
    const p = genesysPayload();
    p.conversation.participants[0].sessions[0].ani = 'sip:+15550199887@edge.example;user=phone';
    const result = normalizeMetadata('GENESYS_CLOUD', genesysRaw(p), GENESYS);
    expect(result.ok && result.record.participants[0]?.identifier).toBe('+15550199887');
  });

  const removals: [string, (p: ReturnType<typeof genesysPayload>) => void, 'missing' | 'invalid'][] = [
    ['vendorRecordingId', (p) => delete (p.recording as Partial<typeof p.recording>).id, 'missing'],
    [
      'interactionId',
      (p) => {
        delete (p.recording as Partial<typeof p.recording>).conversationId;
        delete (p.conversation as Partial<typeof p.conversation>).conversationId;
      },
      'missing',
    ],
    ['startTime', (p) => delete (p.recording as Partial<typeof p.recording>).startTime, 'missing'],
    ['endTime', (p) => delete (p.recording as Partial<typeof p.recording>).endTime, 'missing'],
    ['durationSeconds', (p) => delete (p.recording as Partial<typeof p.recording>).outputDurationMs, 'missing'],
    ['direction', (p) => delete (p.conversation as Partial<typeof p.conversation>).originatingDirection, 'missing'],
    [
      'participants',
      (p) => (p.conversation.participants = p.conversation.participants.filter((x: TJson) => x.purpose === 'acd')),
      'missing',
    ],
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
      expect(result.problems.map((p) => p.field).sort()).toEqual([
        'direction',
        'durationSeconds',
        'endTime',
        'interactionId',
        'participants',
        'startTime',
        'vendorRecordingId',
      ]);
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
        // The Media Playback API states no duration: end - start of the voice interaction, marked derived.
        durationSeconds: 142.5,
        durationSource: 'derived',
        direction: 'OUTBOUND',
        participants: [
          { role: 'AGENT', identifier: '1001', displayName: 'J. Smith' },
          { role: 'CUSTOMER', identifier: '+442079460958', displayName: null },
        ],
        complianceTags: ['compliance', 'pci-scoped'],
        mediaFormat: 'mp4',
        rawVendorPayloadVersion: 'cxone-media-playback-v1',
      },
    });
  });

  it("does not flag the playback answer's own contactId (it is the recording system's id, not the ACD contact)", () => {
    const p = cxonePayload();
    p.playback.contactId = 'something-else';
    expect(normalizeMetadata('NICE_CXONE', cxoneRaw(p), CXONE).ok).toBe(true);
  });

  it('labels an unrecognised file extension as unknown instead of refusing (the bytes decide)', () => {
    const p = cxonePayload();
    voice(p).data.fileToPlayUrl = 'https://x/rec/583920174?sig=1';
    const result = normalizeMetadata('NICE_CXONE', cxoneRaw(p), CXONE);
    expect(result.ok && result.record.mediaFormat).toBe('unknown');
  });

  type P = ReturnType<typeof cxonePayload>;
  function voice(p: P): TJson {
    return p.playback.interactions[0] as TJson;
  }
  const removals: [string, (p: P) => void, 'missing' | 'invalid'][] = [
    ['vendorRecordingId', (p) => delete p.contact.contactId, 'missing'],
    ['interactionId', (p) => (p.playback.acdcontactId = '1'), 'invalid'],
    ['startTime', (p) => (delete voice(p).startTime, delete voice(p).data.startTime), 'missing'],
    ['endTime', (p) => (delete voice(p).endTime, delete voice(p).data.endTime), 'missing'],
    ['durationSeconds', (p) => (delete voice(p).endTime, delete voice(p).data.endTime), 'missing'],
    ['direction', (p) => delete p.contact.isOutbound, 'missing'],
    ['direction', (p) => (p.contact.isOutbound = 'yes'), 'invalid'],
    ['mediaFormat', (p) => delete voice(p).data.fileToPlayUrl, 'missing'],
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
    delete p.contact.isOutbound;
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
