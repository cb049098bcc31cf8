import { describe, expect, it } from 'vitest';
import { likePattern } from '@/lib/recordings/build-search-query';
import { decodeCursor, encodeCursor } from '@/lib/recordings/search-cursor';
import { filterToParams, ZSearchFilter } from '@/lib/recordings/search-filter';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('search filter', () => {
  it('applies defaults and turns repeated tags into a list', () => {
    const f = ZSearchFilter.parse({ tag: ['pci-scoped', 'finra-retention-6yr'], vendor: '', from: '2026-03-01' });
    expect(f).toMatchObject({
      sort: 'startTime_desc',
      limit: 50,
      tag: ['pci-scoped', 'finra-retention-6yr'],
      from: '2026-03-01',
      vendor: undefined,
    });
    expect(ZSearchFilter.parse({ tag: 'one' }).tag).toEqual(['one']);
  });

  it('rejects short free text, bad dates, reversed ranges and big pages', () => {
    expect(ZSearchFilter.safeParse({ q: 'ab' }).success).toBe(false);
    expect(ZSearchFilter.safeParse({ customer: '55' }).success).toBe(false);
    expect(ZSearchFilter.safeParse({ from: '2026-13-45' }).success).toBe(false);
    expect(ZSearchFilter.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(ZSearchFilter.safeParse({ limit: '500' }).success).toBe(false);
    expect(ZSearchFilter.safeParse({ status: 'DELETED' }).success).toBe(false);
  });

  it('round-trips through URL params', () => {
    const params = filterToParams({ q: 'smith', tag: ['a', 'b'], legalHold: 'true', cursor: undefined });
    expect(params.toString()).toBe('q=smith&tag=a&tag=b&legalHold=true');
  });
});

describe('likePattern', () => {
  it('matches a complete phone number on its national digits, a partial one on its digits, and escapes LIKE wildcards', () => {
    expect(likePattern('+1 (555) 019-9887')).toBe('%5550199887%');
    expect(likePattern('(555) 019-9887', 'US')).toBe('%5550199887%');
    expect(likePattern('+1 555 01')).toBe('%155501%');
    expect(likePattern('J. Smith')).toBe('%j. smith%');
    expect(likePattern('100%_sure\\')).toBe('%100\\%\\_sure\\\\%');
  });
});

describe('search cursor', () => {
  it('round-trips and is bound to its sort order', () => {
    const raw = encodeCursor({ sort: 'duration_desc', value: '142.500', id: ID });
    expect(decodeCursor(raw, 'duration_desc')).toEqual({ sort: 'duration_desc', value: '142.500', id: ID });
    expect(() => decodeCursor(raw, 'startTime_desc')).toThrow(/another sort order/);
    expect(decodeCursor(encodeCursor({ sort: 'startTime_asc', value: null, id: ID }), 'startTime_asc').value).toBeNull();
  });

  it('rejects forged or malformed cursors', () => {
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(() => decodeCursor('not-base64-json', 'startTime_desc')).toThrow('Invalid cursor');
    expect(() => decodeCursor(forge(['startTime_desc', "2026-01-01'; drop table", ID]), 'startTime_desc')).toThrow('Invalid cursor');
    expect(() => decodeCursor(forge(['duration_desc', '1e9', ID]), 'duration_desc')).toThrow('Invalid cursor');
    expect(() => decodeCursor(forge(['startTime_desc', null, 'x']), 'startTime_desc')).toThrow('Invalid cursor');
  });
});
