// BullMQ's own OpenTelemetry integration (bullmq-otel): a producer span for each add, the trace context carried
// in the job, and a consumer span for each processing attempt in that same trace. Only when tracing is active,
// so an untraced process pays nothing per job.
import { BullMQOtel } from 'bullmq-otel';
import { tracingActive } from '@/lib/telemetry/start-telemetry';

let telemetry: BullMQOtel | undefined;

export function bullmqTelemetry(): BullMQOtel | undefined {
  if (!tracingActive()) return undefined;
  telemetry ??= new BullMQOtel({ tracerName: 'callvault-bullmq' });
  return telemetry;
}
