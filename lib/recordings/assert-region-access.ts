// Region-scoped users (User.regions non-empty) reach only recordings stored in those residency regions:
// search filters on it, and detail, audit history and playback refuse everything else.
import { AppError } from '@/lib/http/app-error';

export function assertRegionAccess(regions: readonly string[] | undefined, recordingRegion: string | null): void {
  if (!regions || regions.length === 0) return;
  if (recordingRegion !== null && regions.includes(recordingRegion)) return;
  throw new AppError('forbidden', 'This recording is outside the residency regions you may access');
}
