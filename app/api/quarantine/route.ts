// GET /api/quarantine?state=OPEN&reason=&cursor= — the quarantine review queue (identifiers masked per role).
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/http/with-role';
import { ZQuarantineFilter } from '@/lib/quarantine/list-quarantine-cases';
import { listQuarantineQueue } from '@/lib/recordings/list-quarantine-queue';

export const dynamic = 'force-dynamic';

const ZQuery = ZQuarantineFilter.omit({ recordingId: true });

export const GET = withRole(rolesFor('quarantine.view'), ZQuery, async ({ input, user }) => json(await listQuarantineQueue(input, user.role)));
