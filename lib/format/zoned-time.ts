// Instants shown and entered in a user's IANA time zone. The archive stores UTC; the console shows each
// time in the viewer's zone with its offset, so a timeline is never ambiguous when it is read aloud or
// pasted into a report ("2026-11-30 14:05 (UTC+01:00)").
import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'UTC';

/** A zone name the runtime knows (IANA, e.g. "Europe/Berlin"; "UTC"). */
export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** Every IANA zone the runtime knows, for the preference select. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}

/** "2026-11-30 14:05 (UTC+01:00)"; `seconds` adds ":SS" where a timeline needs them. */
export function formatDateTime(value: string | Date | null, zone: string = DEFAULT_TIME_ZONE, opts: { seconds?: boolean } = {}): string {
  if (value === null) return '—';
  const t = (typeof value === 'string' ? DateTime.fromISO(value, { setZone: false }) : DateTime.fromJSDate(value)).setZone(zone);
  if (!t.isValid) return '—';
  return `${t.toFormat(opts.seconds ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm')} (UTC${t.toFormat('ZZ')})`;
}

/** The wall-clock minute in `zone` ("14:05") and that zone's offset then ("UTC+01:00"), for a chart's time axis. */
export function formatClock(value: number | Date, zone: string = DEFAULT_TIME_ZONE): { time: string; offset: string } {
  const t = DateTime.fromMillis(typeof value === 'number' ? value : value.getTime()).setZone(zone);
  return { time: t.toFormat('HH:mm'), offset: `UTC${t.toFormat('ZZ')}` };
}

/** A day ("2026-11-30") or minute ("2026-11-30T14:05") — how the console's range inputs write times. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/**
 * The UTC instant a wall-clock value in `zone` stands for. `end` gives the end of the value's precision
 * (a day's next midnight, a minute's next minute), so a range "to 2026-11-30" includes that whole day.
 * Null when the value is not a real date or time (2026-02-30, 24:10).
 */
export function zonedToUtc(value: string, zone: string, end = false): Date | null {
  if (!LOCAL_DATE_TIME.test(value)) return null;
  const t = DateTime.fromISO(value, { zone });
  if (!t.isValid) return null;
  const hasTime = value.includes('T');
  if (!hasTime && t.toFormat('yyyy-MM-dd') !== value) return null;
  const start = hasTime ? t : t.startOf('day');
  return (end ? start.plus(hasTime ? { minutes: 1 } : { days: 1 }) : start).toJSDate();
}
