// GET /api/recordings/:id/peaks — the stored waveform peaks (audiowaveform JSON) of the recording's media version, streamed.
import { Readable } from 'node:stream';
import { rolesFor } from '@/lib/auth/permissions';
import { uuidParam } from '@/lib/http/uuid-param';
import { withRole } from '@/lib/auth/with-role';
import { openRecordingPeaks } from '@/lib/media/peaks-open';

export const dynamic = 'force-dynamic';

export const GET = withRole(rolesFor('recordings.view', 'quarantine.view'), null, async ({ params, user }) => {
  const peaks = await openRecordingPeaks(uuidParam(params, 'Recording'), user);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-cache', ETag: peaks.etag };
  if (peaks.size !== null) headers['Content-Length'] = String(peaks.size);
  return new Response(Readable.toWeb(peaks.stream) as ReadableStream, { headers });
});
