// GET /api/me/preferences — the caller's console preferences; PATCH — change them (time zone).
import { ROLES } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { withRole } from '@/lib/auth/with-role';
import { getPreferences, updatePreferences, ZPreferences } from '@/lib/preferences/update-preferences';

export const dynamic = 'force-dynamic';

export const GET = withRole([...ROLES], null, async ({ user }) => json(await getPreferences(user)));

export const PATCH = withRole([...ROLES], ZPreferences, async ({ input, user }) => json(await updatePreferences(input, user)));
