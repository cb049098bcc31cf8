// GET /api/evidence-packages/:id/download — stream a finished package (verify it offline with the standalone verifier); audited.
import { rolesFor } from '@/lib/auth/permissions';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { openEvidencePackage } from '@/lib/evidence/open-evidence-package';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('evidence.export'), null, async ({ params, user }) =>
  attachmentResponse(await openEvidencePackage(uuidParam(params, 'Evidence package'), user), 'application/x-tar'),
);
