import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import { maskPayload } from '@/lib/masking/mask-payload';
import { customerSecrets, presentParticipants } from '@/lib/recordings/present-participants';

describe('maskIdentifier', () => {
  it('keeps the country/area prefix and the last four digits of a number', () => {
    expect(maskIdentifier('+15550199887')).toBe('+1555•••9887');
    expect(maskIdentifier('15550199887')).toBe('1555•••9887');
    expect(maskIdentifier('+1 (555) 019-9887')).toBe('+1555•••9887');
  });

  it('hides short values entirely and names down to an initial', () => {
    expect(maskIdentifier('12345')).toBe('•••');
    expect(maskIdentifier('5550199')).toBe('•••99');
    expect(maskIdentifier('Jane Customer')).toBe('J•••');
    expect(maskIdentifier('jane.customer@example.com')).toBe('j•••@example.com');
    expect(maskIdentifier(null)).toBeNull();
  });
});

describe('maskPayload', () => {
  const payload = {
    type: 'recording.completed',
    data: {
      duration: 142.5,
      participants: [
        { id: 'agent-123', type: 'agent', displayName: 'J. Smith' },
        { id: 'ext-456', type: 'external', displayName: '+15550199887', uri: 'tel:+15550199887' },
      ],
      ANI: '+4420700900',
      dnis: '18005550100',
      from: '2024-05-14T08:00:00Z',
    },
  };

  it('masks known customer fields and any occurrence of the recording’s customer values', () => {
    const masked = maskPayload(payload, ['+15550199887']);
    const text = JSON.stringify(masked);
    expect(text).not.toContain('+15550199887');
    expect(text).not.toContain('+4420700900');
    expect(text).not.toContain('18005550100');
    expect(masked).toMatchObject({
      data: {
        duration: 142.5,
        participants: [
          { id: 'agent-123', displayName: 'J. Smith' },
          { displayName: '+1555•••9887', uri: 'tel:+1555•••9887' },
        ],
        from: '2024-05-14T08:00:00Z',
      },
    });
  });

  it('leaves the input untouched and ignores too-short values', () => {
    const before = JSON.stringify(payload);
    maskPayload(payload, ['ext', '']);
    expect(JSON.stringify(payload)).toBe(before);
    expect(JSON.stringify(maskPayload({ a: 'text with ext in it' }, ['ext']))).toContain('ext');
  });
});

describe('presentParticipants', () => {
  const rows = [
    { role: 'AGENT' as const, identifier: 'agent-123', displayName: 'J. Smith' },
    { role: 'CUSTOMER' as const, identifier: '+15550199887', displayName: 'Jane Customer' },
    { role: 'OTHER' as const, identifier: '+4420700900111', displayName: null },
  ];

  it('masks customers and other parties for roles without clear access, never agents', () => {
    expect(presentParticipants(rows, 'AUDITOR')).toEqual([
      { role: 'AGENT', identifier: 'agent-123', displayName: 'J. Smith', masked: false },
      { role: 'CUSTOMER', identifier: '+1555•••9887', displayName: 'J•••', masked: true },
      { role: 'OTHER', identifier: '+4420•••0111', displayName: null, masked: true },
    ]);
    expect(presentParticipants(rows, 'REVIEWER')[1]?.masked).toBe(true);
  });

  it('shows everything to officers and admins', () => {
    expect(presentParticipants(rows, 'OFFICER')[1]).toEqual({
      role: 'CUSTOMER',
      identifier: '+15550199887',
      displayName: 'Jane Customer',
      masked: false,
    });
    expect(presentParticipants(rows, 'ADMIN')[2]?.masked).toBe(false);
  });

  it('collects the values a masked view must not contain', () => {
    expect(customerSecrets(rows)).toEqual(['+15550199887', 'Jane Customer', '+4420700900111']);
  });
});
