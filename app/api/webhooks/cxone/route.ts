// POST /api/webhooks/cxone?account=<vendorAccountId> — receive NICE CXone recordingReady events
// (integrator-defined, at-least-once). 202 only once the job is durably queued and the delivery recorded;
// 4xx names what is wrong and queues nothing; 503 + Retry-After when Redis or Postgres cannot confirm.
import { handleWebhook } from '@/lib/ingest/handle-webhook';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request): Promise<Response> {
  return handleWebhook('NICE_CXONE', request);
}
