// The Grafana dashboard only names metrics the console and the workers actually register.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleMetrics } from '@/lib/metrics/console-metrics';
import { createWorkerMetrics } from '@/lib/queue/worker-metrics';

const dashboard = readFileSync(new URL('../../docs/grafana/callvault.json', import.meta.url), 'utf8');

describe('docs/grafana/callvault.json', () => {
  it('queries registered metrics only', () => {
    const registered = new Set(
      [...consoleMetrics().registry.getMetricsAsArray(), ...createWorkerMetrics().registry.getMetricsAsArray()].map((m) => m.name),
    );
    const used = new Set([...dashboard.matchAll(/callvault_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !registered.has(name))).toEqual([]);
  });
});
