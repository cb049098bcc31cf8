import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { assertStorable } from '@/lib/ingest/assert-storable';
import { partitionDate } from '@/lib/vendors/partition-date';

function refusal(body: unknown): string | null {
  try {
    assertStorable(body);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    return (e as AppError).message;
  }
}

describe('assertStorable', () => {
  it('accepts ordinary JSON, including paired surrogates (emoji)', () => {
    expect(refusal({ a: 'x', b: [1, { c: 'caf\u00e9 \ud83d\ude00' }], n: null })).toBeNull();
  });
  it('names the path of a NUL character in a value or a key', () => {
    expect(refusal({ data: { participants: [{ name: 'a\u0000b' }] } })).toContain('data.participants.0.name');
    expect(refusal({ data: { 'k\u0000': 1 } })).toContain('key contains a NUL');
  });
  it('refuses unpaired surrogates', () => {
    expect(refusal({ s: 'x\ud800y' })).toContain('unpaired');
    expect(refusal({ s: '\udc00' })).toContain('unpaired');
  });
});

describe('partitionDate', () => {
  it('is the UTC date of an offset timestamp', () => {
    expect(partitionDate('2024-05-14T23:30:00-05:00')).toBe('2024-05-15');
    expect(partitionDate('2024-05-15T01:30:00+02:00')).toBe('2024-05-14');
    expect(partitionDate('2024-05-14T08:00:00Z')).toBe('2024-05-14');
  });
  it('is null for a missing or unparseable timestamp (never invented)', () => {
    expect(partitionDate(undefined)).toBeNull();
    expect(partitionDate('not a time')).toBeNull();
  });
});
