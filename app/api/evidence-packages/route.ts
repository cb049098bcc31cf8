// GET /api/evidence-packages?matterId= — a matter's packages (or the caller's own) with status; POST — build a
// package for a matter ({ matterId }) or recordings ({ recordingIds }): queued, built by a worker, audited.
import { z } from 'zod';
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { listEvidencePackages } from '@/lib/evidence/list-evidence-packages';
import { startEvidencePackage, ZStartEvidencePackage } from '@/lib/evidence/start-evidence-package';

export const dynamic = 'force-dynamic';

const ZList = z.object({ matterId: z.uuid().optional() });

export const GET = withRole(rolesFor('evidence.export'), ZList, async ({ input, user }) =>
  json({ packages: await listEvidencePackages(input.matterId ? { matterId: input.matterId } : { requestedById: user.id }) }),
);

export const POST = withRole(rolesFor('evidence.export'), ZStartEvidencePackage, async ({ input, user }) =>
  json(await startEvidencePackage(input, user), { status: 202 }),
);
