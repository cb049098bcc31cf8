// The active span's ids, for log lines and audit entries; null when nothing is being traced.
import { isSpanContextValid, trace } from '@opentelemetry/api';

export function currentSpanIds(): { traceId: string; spanId: string } | null {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && isSpanContextValid(ctx) ? { traceId: ctx.traceId, spanId: ctx.spanId } : null;
}

export function currentTraceId(): string | null {
  return currentSpanIds()?.traceId ?? null;
}
