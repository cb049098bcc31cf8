// The last line of defence for data residency: every write of recording media goes through this check
// right before the bytes leave the process, whatever bucket the caller computed. A bucket that is not
// ours, or belongs to another region, is refused (data residency: an EU recording never reaches a US bucket).
import { ArchiveError } from '@/lib/queue/archive-error';
import { env } from '@/lib/env';
import { bucketName, regionOfBucket } from '@/lib/storage/buckets';

export function assertSameRegion(recordingRegion: string, bucket: string): void {
  const bucketRegion = regionOfBucket(bucket);
  if (bucketRegion === null || bucketRegion !== recordingRegion || !env().RESIDENCY_REGIONS.includes(recordingRegion)) {
    throw new ArchiveError(
      'permanent',
      'residency_violation',
      `Recording of region "${recordingRegion}" may not be written to bucket "${bucket}"`,
      {
        recordingRegion,
        bucket,
        bucketRegion,
        allowedRegions: env().RESIDENCY_REGIONS,
      },
    );
  }
}

/** The recordings bucket of a residency region this deployment serves; refuses any other region. */
export function recordingsBucketFor(region: string): string {
  const bucket = bucketName('recordings', region);
  assertSameRegion(region, bucket);
  return bucket;
}
