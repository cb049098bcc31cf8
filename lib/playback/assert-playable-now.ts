// Playback of a cold recording waits for its restore: a presigned URL of an archived version would only
// answer 403 InvalidObjectState in the browser. Refused with the state, so the console offers "Retrieve".
import { AppError } from '@/lib/http/app-error';
import { readRestoreState, type TStoredVersion } from '@/lib/storage/read-restore-state';

export async function assertPlayableNow(v: TStoredVersion): Promise<void> {
  const state = await readRestoreState(v);
  if (!state.cold || state.restore === 'available') return;
  const what = state.restore === 'in_progress' ? 'its retrieval is still in progress' : 'retrieve it first';
  throw new AppError('conflict', `This recording is in cold storage (${state.storageClass}): ${what}`, { restore: state });
}
