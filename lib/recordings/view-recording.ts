// A console user opening a recording: the detail as their role and regions may see it, and an audit
// entry saying who looked (officers see customers' numbers in clear, so each look is on the record).
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { can } from '@/lib/auth/permissions';
import { recordAccess } from '@/lib/audit/record-access';
import { getRecording } from '@/lib/recordings/get-recording';
import type { TRecordingDetail } from '@/lib/recordings/types';

export async function viewRecording(id: string, user: TSessionUser): Promise<TRecordingDetail> {
  const detail = await getRecording(id, user);
  await recordAccess(
    user,
    'access.recording_viewed',
    { type: 'recording', id: detail.idempotencyKey },
    { recordingId: detail.id, unmasked: can(user.role, 'identifiers.unmasked') },
  );
  return detail;
}
