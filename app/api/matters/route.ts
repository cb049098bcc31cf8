// GET /api/matters — matters with recording and hold counts (officers, auditors, admins); POST — open a matter (officers/admins, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { createMatter, ZCreateMatter } from '@/lib/legal-hold/create-matter';
import { listMatters } from '@/lib/legal-hold/list-matters';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('matters.view'), null, async () => json({ matters: await listMatters() }));

export const POST = withRole(rolesFor('legal_hold.manage'), ZCreateMatter, async ({ input, user }) =>
  json(await createMatter(input, user), { status: 201 }),
);
