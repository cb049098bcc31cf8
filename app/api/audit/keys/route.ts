// GET /api/audit/keys — the public keys that sign audit checkpoints, export manifests and sealed segments.
// Deliberately public (no session): they verify and cannot sign, and auditors or regulators must be able
// to fetch and compare them without a console account. The body is exactly what the verifier's --keys takes.
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return Response.json(await listPublishedKeys(), { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch (error) {
    return errorResponse(error);
  }
}
