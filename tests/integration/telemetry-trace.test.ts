// One webhook delivery traced end to end with the real route handler (behind a plain HTTP server), Redis,
// workers, Postgres and the test Ceph RGW, spans captured in memory: the webhook span, BullMQ's enqueue,
// the worker's job span, the S3 PUT of the media and Prisma's queries all share one trace id, and the job
// span is the parent of the S3 write. The delivery's audit entry names that trace and its request id; the
// worker's histograms saw the job's wait and processing time.
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupIngestStack } from '@/tests/support/setup-ingest-stack';
import { simAccount } from '@/tests/support/sim-account';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { db } from '@/lib/db';
import { signWebhookBody } from '@/lib/ingest/verify-webhook-auth';
import { startTelemetry } from '@/lib/telemetry/start-telemetry';
import { genesysRecordingCompleted, runId } from '@/tests/support/ingest-harness';
import { waitFor } from '@/tests/support/wait-for';

const GEN = `otel-gen-${runId}`;
const SECRET = `${GEN}-hmac-0123456789abcd`;
const exporter = new InMemorySpanExporter();

// Before any queue or worker exists: they take BullMQ's telemetry option when they are created.
beforeAll(() => startTelemetry({ serviceName: 'callvault-test', spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
const stack = setupIngestStack({
  genesys: { accounts: [simAccount(GEN, 'mypurecloud.com', { hmac: true })] },
  routes: true,
  workers: { schedule: false, metricsPort: null, archiveConcurrency: 2, queues: ['archive-genesys-cloud'] },
});

const idOf = (s: ReadableSpan) => s.spanContext().spanId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

/** True when `ancestor` is `span` or one of its parents, following parent ids within `spans`. */
function descendsFrom(span: ReadableSpan, ancestor: ReadableSpan, spans: ReadableSpan[]): boolean {
  const byId = new Map(spans.map((s) => [idOf(s), s]));
  for (let s: ReadableSpan | undefined = span; s; s = byId.get(parentOf(s) ?? '')) if (idOf(s) === idOf(ancestor)) return true;
  return false;
}

describe('tracing', () => {
  it('one webhook → enqueue → worker job → S3 PUT and Prisma queries share one trace', { timeout: 90_000 }, async () => {
    const rec = stack.genesys.addRecording({ seconds: 2, seed: 7 });
    const body = genesysRecordingCompleted(rec.id, rec.interactionId);
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${stack.routes.url}/api/webhooks/genesys?account=${GEN}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-callvault-timestamp': String(ts),
        'x-callvault-signature': signWebhookBody(SECRET, ts, body),
        'x-request-id': `req-${runId}-trace`,
      },
      body,
    });
    expect(res.status).toBe(202);
    await waitFor(
      'recording archived',
      async () => (await db().recording.findFirst({ where: { vendorRecordingId: rec.id, status: 'ARCHIVED' } })) !== null,
      60_000,
    );
    const stored = await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });

    const webhook = exporter.getFinishedSpans().find((s) => s.name === 'webhook.receive' && s.attributes['callvault.duplicate'] === false);
    expect(webhook).toBeDefined();
    const traceId = webhook!.spanContext().traceId;
    // The job span ends after the worker's last call; wait for it rather than assume it already did.
    await waitFor(
      'job span ended',
      async () => exporter.getFinishedSpans().some((s) => s.spanContext().traceId === traceId && s.kind === SpanKind.CONSUMER),
      10_000,
    );
    const inTrace = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);

    const enqueue = inTrace.find((s) => s.kind === SpanKind.PRODUCER && s.name.includes('archive-genesys-cloud'));
    expect(enqueue, 'BullMQ add span').toBeDefined();
    expect(descendsFrom(enqueue!, webhook!, inTrace)).toBe(true);
    const job = inTrace.find((s) => s.kind === SpanKind.CONSUMER && s.name.includes('archive-genesys-cloud'));
    expect(job, 'worker job span').toBeDefined();
    const method = (s: ReadableSpan) => s.attributes['http.request.method'] ?? s.attributes['http.method'];
    const url = (s: ReadableSpan) => String(s.attributes['url.full'] ?? s.attributes['http.url'] ?? '');
    const put = inTrace.find((s) => s.kind === SpanKind.CLIENT && method(s) === 'PUT' && url(s).includes(stored.storageBucket!));
    expect(put, 'S3 PUT of the media').toBeDefined();
    expect(descendsFrom(put!, job!, inTrace)).toBe(true);
    const prismaInWebhook = inTrace.filter((s) => s.name.startsWith('prisma:client:operation') && descendsFrom(s, webhook!, inTrace));
    const prismaInJob = inTrace.filter((s) => s.name.startsWith('prisma:client:operation') && descendsFrom(s, job!, inTrace));
    expect(prismaInWebhook.length).toBeGreaterThan(0);
    expect(prismaInJob.length).toBeGreaterThan(0);

    // The same job, in the worker's Prometheus histograms.
    const waits = await stack.workers.metrics.registry.getSingleMetricAsString('callvault_job_wait_seconds');
    expect(waits).toMatch(/callvault_job_wait_seconds_count\{queue="archive-genesys-cloud"\} [1-9]/);
    const processing = await stack.workers.metrics.registry.getSingleMetricAsString('callvault_job_processing_seconds');
    expect(processing).toMatch(/callvault_job_processing_seconds_count\{queue="archive-genesys-cloud",outcome="completed"\} [1-9]/);

    await flushAuditSequencer();
    const received = await db().auditEntry.findFirstOrThrow({ where: { action: 'ingest.received', subjectId: `genesys-cloud:${rec.id}` } });
    expect(received.details).toMatchObject({ traceId, requestId: `req-${runId}-trace` });
  });
});
