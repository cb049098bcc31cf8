'use client';
import { ErrorState, Loading } from '@/components/ui/query-state';
import { useHealth } from '@/hooks/use-health';

export function HealthPanel() {
  const health = useHealth();
  return (
    <section className="panel" aria-labelledby="health-heading">
      <h2 id="health-heading">Service health</h2>
      {health.isPending ? <Loading /> : null}
      {health.isError ? <ErrorState error={health.error} retry={() => void health.refetch()} /> : null}
      {health.data ? (
        <ul className="btn-row" style={{ listStyle: 'none', padding: 0 }} data-testid="health">
          {health.data.components.map((c) => (
            <li key={c.name}>
              <span className={`badge ${c.up ? 'badge-ok' : 'badge-danger'}`}>
                {c.name}: {c.up ? 'up' : 'DOWN'} ({c.latencyMs} ms)
              </span>
              {c.error ? <span className="error"> {c.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
