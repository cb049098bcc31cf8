'use client';
// A small dependency-free SVG line chart (time on x, a count or rate on y) with a text summary for
// screen readers. Enough for queue depths and rates; not a charting library.
import { useId } from 'react';
import { useTimeZone } from '@/components/ui/time-zone';
import { formatClock } from '@/lib/format/zoned-time';

export type TSeries = { name: string; points: { t: number; v: number }[] };

export const SERIES_COLORS = ['#0b5cad', '#a4161a', '#1e6b34', '#7a4f00', '#6b2fa0', '#00707a', '#4d5762'];

const W = 640;
const H = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 24 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((n) => n >= v) ?? v;
}

/**
 * The time axis reads hh:mm in the user's time zone, its offset after the last label ("15:05 (UTC+01:00)").
 * A chart of other units passes `formatT` and says what zone its labels are in with `zoneNote` (e.g. per-day
 * counts of UTC days: a date format and "UTC").
 */
export function LineChart({
  title,
  series,
  unit,
  formatT,
  zoneNote,
}: {
  title: string;
  series: TSeries[];
  unit: string;
  formatT?: (t: number) => string;
  zoneNote?: string;
}) {
  const id = useId();
  const zone = useTimeZone();
  const all = series.flatMap((s) => s.points);
  if (all.length < 2) return <p className="state">Not enough samples yet for “{title}”.</p>;
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t));
  const label = formatT ?? ((t: number) => formatClock(t, zone).time);
  const note = zoneNote ?? `(${formatClock(t1, zone).offset})`;
  const yMax = niceMax(Math.max(...all.map((p) => p.v)));
  const x = (t: number) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const summary = series.map((s) => `${s.name}: ${s.points.at(-1)?.v ?? 0} ${unit}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`Latest values — ${summary}. From ${label(t0)} to ${label(t1)} ${note}.`}</desc>
        <line className="axis" x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
        <line className="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
        {[0, yMax / 2, yMax].map((v) => (
          <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        ))}
        <text x={PAD.left} y={H - 6}>
          {label(t0)}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end">
          {label(t1)} {note}
        </text>
        {series.map((s, i) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
            strokeWidth={2}
            points={s.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.name}>
            <i style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
