// POST /api/quarantine/decisions — one decision (accept / re-fetch) and one note for several cases; each case is
// decided and audited on its own, and the answer says which went through and which were refused and why.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { resolveQuarantineCases, ZResolveQuarantineCases } from '@/lib/quarantine/resolve-quarantine-cases';

export const dynamic = 'force-dynamic';

export const POST = withRole(rolesFor('quarantine.decide'), ZResolveQuarantineCases, async ({ input, user }) =>
  json(await resolveQuarantineCases({ ...input, user })),
);
