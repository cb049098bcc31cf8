// Display formatting for the console (UTC everywhere: compliance timelines must not shift with the viewer).
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.max(0, seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = (total % 60).toFixed(total < 60 && total % 1 !== 0 ? 1 : 0).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

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
