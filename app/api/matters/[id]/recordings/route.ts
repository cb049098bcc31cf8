// GET /api/matters/:id/recordings — a page of the matter's recordings (masked per role); POST — add recordings
// by selection ({ recordingIds }) or by the archive search's filters ({ filter }) (officers/admins, audited).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { addMatterRecordings, ZAddMatterRecordings } from '@/lib/legal-hold/add-matter-recordings';
import { listMatterRecordings, ZMatterRecordingsPage } from '@/lib/legal-hold/list-matter-recordings';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('matters.view'), ZMatterRecordingsPage, async ({ params, input, user }) =>
  json(await listMatterRecordings(params.id ?? '', input, user)),
);

export const POST = withRole(rolesFor('legal_hold.manage'), ZAddMatterRecordings, async ({ params, input, user }) =>
  json(await addMatterRecordings(params.id ?? '', input, user), { status: 201 }),
);
