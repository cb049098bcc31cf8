// Display formatting for the console. Date-times and durations live in lib/format (shared with the
// server); client components show times through useFormatDateTime (components/ui/time-zone.tsx), which
// binds them to the user's time-zone preference.
export { formatDateTime } from '@/lib/format/zoned-time';
export { formatDuration } from '@/lib/format/format-duration';

export function formatBytes(bytes: string | number | null): string {
  if (bytes === null) return '—';
  const n = Number(bytes);
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(1)} ${units[i]} (${n.toLocaleString('en-US')} bytes)`;
}

export const VENDOR_LABEL: Record<string, string> = { GENESYS_CLOUD: 'Genesys Cloud', NICE_CXONE: 'NICE CXone' };

export function titleCase(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
}
