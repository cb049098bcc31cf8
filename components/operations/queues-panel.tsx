'use client';
// Queue depths now, and depth/throughput over the last hour from the sampler's history.
import { LineChart, type TSeries } from '@/components/ui/line-chart';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { useQueueHistory } from '@/hooks/use-queue-history';
import { useQueueStats } from '@/hooks/use-queue-stats';
import type { TQueueHistoryPoint } from '@/lib/queue/get-queue-history';
import { DataTable } from '@/components/ui/data-table';

function seriesOf(points: TQueueHistoryPoint[], pick: (p: TQueueHistoryPoint) => number): TSeries[] {
  const byQueue = new Map<string, TSeries>();
  for (const p of points) {
    const s = byQueue.get(p.queue) ?? { name: p.queue, points: [] };
    s.points.push({ t: Date.parse(p.at), v: pick(p) });
    byQueue.set(p.queue, s);
  }
  return [...byQueue.values()];
}

export function QueuesPanel() {
  const stats = useQueueStats();
  const history = useQueueHistory(60);
  const points = history.data?.points ?? [];
  return (
    <section className="panel" aria-labelledby="queues-heading">
      <h2 id="queues-heading">Queues</h2>
      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <ErrorState error={stats.error} retry={() => void stats.refetch()} /> : null}
      {stats.data ? (
        <DataTable
          label="Queue depths"
          testId="queue-stats"
          columns={[
            'Queue',
            { label: 'Waiting', num: true },
            { label: 'Active', num: true },
            { label: 'Delayed', num: true },
            { label: 'Failed', num: true },
            { label: 'Completed', num: true },
          ]}
        >
          {stats.data.queues.map((q) => (
            <tr key={q.queue}>
              <td className="mono">{q.queue}</td>
              <td className="num">{q.waiting}</td>
              <td className="num">{q.active}</td>
              <td className="num">{q.delayed}</td>
              <td className="num">{q.failed}</td>
              <td className="num">{q.completed}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="grid-2" style={{ marginTop: '1rem' }}>
        <div>
          <h3>Waiting jobs (last hour)</h3>
          {history.isError ? (
            <ErrorState error={history.error} />
          ) : (
            <LineChart title="Waiting jobs per queue" unit="jobs" series={seriesOf(points, (p) => p.waiting)} />
          )}
        </div>
        <div>
          <h3>Completed per minute</h3>
          {history.isError ? (
            <ErrorState error={history.error} />
          ) : (
            <LineChart title="Completed jobs per minute per queue" unit="jobs/min" series={seriesOf(points, (p) => p.completedPerMin)} />
          )}
        </div>
      </div>
    </section>
  );
}
