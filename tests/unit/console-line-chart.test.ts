import { createElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart, type TSeries } from '@/components/ui/line-chart';
import { TimeZoneProvider } from '@/components/ui/time-zone';

const t0 = Date.parse('2026-11-26T09:00:00Z');

// The provider's children go in as createElement's third argument; its props type still names them.
const inZone = (timeZone: string, chart: ReactElement) =>
  renderToStaticMarkup(createElement(TimeZoneProvider, { timeZone } as { timeZone: string; children: ReactNode }, chart));

describe('LineChart', () => {
  it('draws one line per series scaled to the axes, with a text summary', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        title: 'Waiting jobs',
        unit: 'jobs',
        series: [
          {
            name: 'archive-genesys-cloud',
            points: [
              { t: t0, v: 0 },
              { t: t0 + 60_000, v: 40 },
              { t: t0 + 120_000, v: 10 },
            ],
          },
          {
            name: 'archive-nice-cxone',
            points: [
              { t: t0, v: 5 },
              { t: t0 + 120_000, v: 5 },
            ],
          },
        ],
      }),
    );
    const lines = [...html.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((m) => m[1]);
    expect(lines).toHaveLength(2);
    // x from the left padding (44) to width - right padding (628); y from the bottom (176) up to the top (10) at the nice max 50.
    expect(lines[0]).toBe('44.0,176.0 336.0,43.2 628.0,142.8');
    expect(html).toContain('Latest values — archive-genesys-cloud: 10 jobs; archive-nice-cxone: 5 jobs. From 09:00 to 09:02 (UTC+00:00).');
    expect(html).toContain('>50<');
  });

  it("labels the time axis in the user's time zone with its offset", () => {
    const series: TSeries[] = [
      {
        name: 'q',
        points: [
          { t: t0, v: 1 },
          { t: t0 + 3_600_000, v: 2 },
        ],
      },
    ];
    const chart = createElement(LineChart, { title: 'Waiting jobs', unit: 'jobs', series });
    const html = inZone('Asia/Kolkata', chart);
    expect(html).toContain('>14:30<');
    expect(html).toContain('>15:30 (UTC+05:30)<');
    expect(html).toContain('From 14:30 to 15:30 (UTC+05:30).');
    expect(html).not.toContain('09:00');
  });

  it('keeps a given label format and zone note (per-day counts of UTC days)', () => {
    const series: TSeries[] = [
      {
        name: 'Archived',
        points: [
          { t: t0, v: 1 },
          { t: t0 + 86_400_000, v: 2 },
        ],
      },
    ];
    const day = (t: number) => new Date(t).toISOString().slice(5, 10);
    const chart = createElement(LineChart, { title: 'Per day', unit: 'recordings', series, formatT: day, zoneNote: 'UTC' });
    const html = inZone('Europe/Berlin', chart);
    expect(html).toContain('>11-27 UTC<');
    expect(html).toContain('From 11-26 to 11-27 UTC.');
  });

  it('says so when there are not enough samples', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, { title: 'Rates', unit: 'jobs/min', series: [{ name: 'q', points: [{ t: t0, v: 1 }] }] }),
    );
    expect(html).toContain('Not enough samples yet');
    expect(html).not.toContain('<svg');
  });
});
