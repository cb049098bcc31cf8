// Durations as people say them: "2.8 s", "4 min 05 s", "1 h 02 min". Under a minute keeps one decimal
// (a vendor/measured mismatch of a second must stay visible); above, whole seconds; above an hour, minutes.
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, seconds);
  if (total < 60) {
    const rounded = Math.round(total * 10) / 10;
    if (rounded < 60) return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} s`;
  }
  const whole = Math.round(total);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}
