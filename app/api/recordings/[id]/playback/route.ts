// POST /api/recordings/:id/playback — a stated reason in, a presigned (≤ 5 min) URL of the stored version out; audited.
import { rolesFor } from '@/lib/auth/permissions';
import { json } from '@/lib/http/error-response';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { issuePlaybackUrl } from '@/lib/playback/issue-playback-url';
import { ZPlaybackRequest } from '@/lib/playback/playback-request';

export const dynamic = 'force-dynamic';

// Reviewers pass this gate; issuePlaybackUrl then limits them to recordings under quarantine review.
export const POST = withRole(rolesFor('recordings.play', 'quarantine.play'), ZPlaybackRequest, async ({ params, input, user }) =>
  json(await issuePlaybackUrl({ recordingId: uuidParam(params, 'Recording'), reason: input.reason, user }), {
    headers: { 'Cache-Control': 'no-store' },
  }),
);
