import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/lib/format/format-duration';
import { formatDateTime, isTimeZone, zonedToUtc } from '@/lib/format/zoned-time';

describe('formatDuration', () => {
  it.each([
    [2.8, '2.8 s'],
    [0, '0 s'],
    [42, '42 s'],
    [59.96, '1 min 00 s'],
    [245, '4 min 05 s'],
    [245.4, '4 min 05 s'],
    [3599.6, '1 h 00 min'],
    [3720, '1 h 02 min'],
    [36_000, '10 h 00 min'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('shows a missing value as a dash, never zero', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('shows the instant in the zone with its offset, daylight saving included', () => {
    expect(formatDateTime('2026-11-30T13:05:00.000Z', 'Europe/Berlin')).toBe('2026-11-30 14:05 (UTC+01:00)');
    expect(formatDateTime('2026-07-30T13:05:00.000Z', 'Europe/Berlin')).toBe('2026-07-30 15:05 (UTC+02:00)');
    expect(formatDateTime('2026-11-30T13:05:09.000Z', 'America/New_York', { seconds: true })).toBe('2026-11-30 08:05:09 (UTC-05:00)');
    expect(formatDateTime('2026-11-30T13:05:00.000Z', 'Asia/Kolkata')).toBe('2026-11-30 18:35 (UTC+05:30)');
    expect(formatDateTime(new Date('2026-11-30T13:05:00Z'))).toBe('2026-11-30 13:05 (UTC+00:00)');
    expect(formatDateTime(null, 'Europe/Berlin')).toBe('—');
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedToUtc', () => {
  it('reads days and minutes in the zone; "end" is the end of the value\'s precision', () => {
    expect(zonedToUtc('2026-11-30', 'Europe/Berlin')?.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(zonedToUtc('2026-11-30', 'Europe/Berlin', true)?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(zonedToUtc('2026-11-30T14:05', 'America/New_York')?.toISOString()).toBe('2026-11-30T19:05:00.000Z');
    expect(zonedToUtc('2026-11-30T14:05', 'UTC', true)?.toISOString()).toBe('2026-11-30T14:06:00.000Z');
    // The day daylight saving starts in Berlin has 23 hours.
    expect(zonedToUtc('2026-03-29', 'Europe/Berlin', true)!.getTime() - zonedToUtc('2026-03-29', 'Europe/Berlin')!.getTime()).toBe(
      23 * 3600_000,
    );
  });

  it('refuses dates and times that do not exist', () => {
    expect(zonedToUtc('2026-02-30', 'UTC')).toBeNull();
    expect(zonedToUtc('2026-11-30T24:10', 'UTC')).toBeNull();
    expect(zonedToUtc('30/11/2026', 'UTC')).toBeNull();
  });
});
