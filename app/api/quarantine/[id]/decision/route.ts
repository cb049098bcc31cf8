// POST /api/quarantine/:id/decision — accept with a note, re-fetch, or escalate a quarantine case (audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { resolveQuarantineCase, ZResolveQuarantineCase } from '@/lib/quarantine/resolve-quarantine-case';

export const dynamic = 'force-dynamic';

const ZBody = ZResolveQuarantineCase.omit({ caseId: true });

export const POST = withRole(rolesFor('quarantine.decide'), ZBody, async ({ params, input, user }) => {
  await resolveQuarantineCase({ caseId: uuidParam(params, 'Quarantine case'), decision: input.decision, note: input.note, user });
  return json({ ok: true });
});
