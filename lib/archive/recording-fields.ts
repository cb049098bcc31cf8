// How a pipeline result becomes Recording columns. Values the vendor did not give stay NULL (never a
// default); the vendor's duration is stored as given and the measured one beside it.
import type { TCanonicalParticipant, TCanonicalRecording } from '@/lib/vendors/types';

export type TStoredMedia = {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  sizeBytes: number;
  mediaFormat: string;
  retentionPolicyId: string | null;
  retainUntil: Date;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** arch-<yyyy-mm-dd-HHMMSS>-<first 8 hex of the row id>, as in the canonical compliance record (UTC). */
export function archiveIdFor(id: string, at: Date): string {
  const stamp = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `arch-${stamp}-${id.replace(/-/g, '').slice(0, 8)}`;
}

/** Lower-cased ids, names and numbers for the console's free-text search. */
export function searchTextFor(parts: {
  archiveId: string;
  vendorRecordingId: string;
  interactionId: string | null | undefined;
  participants: TCanonicalParticipant[];
}): string {
  const words = [
    parts.archiveId,
    parts.vendorRecordingId,
    parts.interactionId,
    ...parts.participants.flatMap((p) => [p.identifier, p.displayName]),
  ];
  return words
    .filter((w): w is string => typeof w === 'string' && w.length > 0)
    .map((w) => w.toLowerCase())
    .join(' ');
}

export function storageLocation(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Recording columns from a (possibly partial) canonical record and what was stored, if anything. */
export function recordingColumns(
  record: Partial<TCanonicalRecording>,
  region: string | null,
  media: TStoredMedia | null,
  measured: number | null,
) {
  return {
    interactionId: record.interactionId ?? null,
    startTime: record.startTime ?? null,
    endTime: record.endTime ?? null,
    durationSeconds: record.durationSeconds ?? null,
    durationSource: record.durationSource ?? null,
    measuredDurationSeconds: measured === null ? null : round3(measured),
    direction: record.direction ?? null,
    dataResidencyRegion: region,
    storageBucket: media?.bucket ?? null,
    storageKey: media?.key ?? null,
    storageVersionId: media?.versionId ?? null,
    storageLocation: media ? storageLocation(media.bucket, media.key) : null,
    checksumSha256: media?.sha256 ?? null,
    sizeBytes: media ? BigInt(media.sizeBytes) : null,
    mediaFormat: media?.mediaFormat ?? record.mediaFormat ?? null,
    retentionPolicyId: media?.retentionPolicyId ?? null,
    retainUntil: media?.retainUntil ?? null,
    rawVendorPayloadVersion: record.rawVendorPayloadVersion ?? null,
  };
}
