'use client';
// The signed-in user's time zone for every client component: times are shown in it with their offset.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { DEFAULT_TIME_ZONE, formatDateTime } from '@/lib/format/zoned-time';

const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** formatDateTime bound to the user's zone: "2026-11-30 14:05 (UTC+01:00)". */
export function useFormatDateTime(): (value: string | Date | null) => string {
  const zone = useTimeZone();
  return useCallback((value: string | Date | null) => formatDateTime(value, zone), [zone]);
}
