import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart } from '@/components/ui/line-chart';

const t0 = Date.parse('2026-11-26T09:00:00Z');

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
    expect(html).toContain('Latest values — archive-genesys-cloud: 10 jobs; archive-nice-cxone: 5 jobs. From 09:00 to 09:02 UTC.');
    expect(html).toContain('>50<');
  });

  it('says so when there are not enough samples', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, { title: 'Rates', unit: 'jobs/min', series: [{ name: 'q', points: [{ t: t0, v: 1 }] }] }),
    );
    expect(html).toContain('Not enough samples yet');
    expect(html).not.toContain('<svg');
  });
});
