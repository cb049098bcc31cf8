// A vendor webhook request end to end, as the route handlers serve it: request context (client, request id)
// for logs and audit entries, a "webhook.receive" span (the root of the delivery's trace: the enqueue, the
// worker's job and its S3 and Postgres calls follow in the same trace), the outcome counted for /api/metrics.
import { receiveWebhook } from '@/lib/ingest/receive-webhook';
import { webhookErrorResponse } from '@/lib/ingest/webhook-error-response';
import { countWebhookDelivery, observeHttpRequest, webhookOutcomeOf } from '@/lib/metrics/console-metrics';
import { clientInfoFromHeaders, runWithClientInfo } from '@/lib/telemetry/request-context';
import { withSpan } from '@/lib/telemetry/with-span';
import type { TVendor } from '@/lib/vendors/types';

export async function handleWebhook(vendor: TVendor, request: Request): Promise<Response> {
  const startedAt = performance.now();
  const pathname = new URL(request.url).pathname;
  return runWithClientInfo(clientInfoFromHeaders(request.headers), () =>
    withSpan('webhook.receive', { 'callvault.vendor': vendor, 'http.route': pathname }, async (span) => {
      let duplicate = false;
      let response: Response;
      try {
        const accepted = await receiveWebhook(vendor, request);
        duplicate = accepted.duplicate;
        span.setAttributes({ 'callvault.job_id': accepted.jobId, 'callvault.duplicate': duplicate, 'callvault.kind': accepted.kind });
        response = Response.json(accepted, { status: 202 });
      } catch (error) {
        response = webhookErrorResponse(error);
      }
      span.setAttribute('http.response.status_code', response.status);
      countWebhookDelivery(vendor, webhookOutcomeOf(response.status, duplicate));
      observeHttpRequest(pathname, request.method, response.status, startedAt);
      return response;
    }),
  );
}
