// OpenTelemetry tracing, off by default. It starts only when the standard OTEL_* variables ask for a trace
// exporter (OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_TRACES_EXPORTER other
// than "none"), or when a caller hands in its own span processors (tests). Unset, nothing is loaded or
// patched: the API stays a no-op and costs nothing per request. Metrics are Prometheus (prom-client), and
// logs are pino lines carrying the trace id, so the SDK's own metric and log exporters stay off unless asked.
// Instrumented: HTTP (console requests, S3 calls), undici/fetch (vendor APIs), Prisma (every query);
// BullMQ spans come from its own telemetry option (lib/telemetry/bullmq-telemetry.ts).
import { createRequire } from 'node:module';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

type TTelemetryState = { started: boolean; shutdown?: () => Promise<void> };
const globalForTelemetry = globalThis as unknown as { callvaultTelemetry?: TTelemetryState };

export function tracingRequested(vars: NodeJS.ProcessEnv = process.env): boolean {
  if (vars.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (vars.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (exporters.length > 0) return exporters.some((e) => e !== 'none');
  return Boolean(vars.OTEL_EXPORTER_OTLP_ENDPOINT || vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Whether this process records spans (queues and workers then pass BullMQ's telemetry option). */
export function tracingActive(): boolean {
  return globalForTelemetry.callvaultTelemetry?.started === true;
}

export type TStartTelemetryOptions = {
  /** service.name unless OTEL_SERVICE_NAME says otherwise. */
  serviceName: string;
  /** Replaces the exporter that the OTEL_* variables describe (tests use an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
};

/** Starts the SDK once per process; returns false (and does nothing) when tracing is not requested. */
export async function startTelemetry(opts: TStartTelemetryOptions): Promise<boolean> {
  if (tracingActive()) return true;
  if (!opts.spanProcessors && !tracingRequested()) return false;
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  process.env.OTEL_SERVICE_NAME ??= opts.serviceName;
  const [{ NodeSDK }, { HttpInstrumentation }, { UndiciInstrumentation }, { PrismaInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
    import('@prisma/instrumentation'),
  ]);
  const sdk = new NodeSDK({
    spanProcessors: opts.spanProcessors,
    instrumentations: [
      // Health probes and metric scrapes would bury the traces that matter.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(api\/health|api\/metrics|metrics)\b/.test(req.url ?? '') }),
      new UndiciInstrumentation(),
      new PrismaInstrumentation(),
    ],
  });
  sdk.start();
  // Node's http/https may have been loaded before the SDK (by the AWS SDK, say): requiring them again runs the
  // instrumentation's hook, which patches the one shared module object those callers hold as well.
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
  globalForTelemetry.callvaultTelemetry = { started: true, shutdown: () => sdk.shutdown() };
  return true;
}

/** Flushes and stops the SDK (graceful shutdown); a no-op when tracing is off. */
export async function stopTelemetry(): Promise<void> {
  const state = globalForTelemetry.callvaultTelemetry;
  globalForTelemetry.callvaultTelemetry = undefined;
  await state?.shutdown?.().catch(() => undefined);
}
