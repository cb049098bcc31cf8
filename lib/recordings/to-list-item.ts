// Database row → list item as the caller's role may see it.
import type { TRole } from '@/lib/auth/types';
import type { Participant, Recording } from '@/lib/generated/prisma/client';
import { presentParticipants } from '@/lib/recordings/present-participants';
import type { TRecordingListItem } from '@/lib/recordings/types';

export function decimalToNumber(value: { toString(): string } | null): number | null {
  return value === null ? null : Number(value.toString());
}

export function toListItem(r: Recording & { participants: Participant[] }, role: TRole): TRecordingListItem {
  return {
    id: r.id,
    archiveId: r.archiveId,
    vendorSource: r.vendorSource,
    vendorRecordingId: r.vendorRecordingId,
    startTime: r.startTime?.toISOString() ?? null,
    durationSeconds: decimalToNumber(r.durationSeconds),
    measuredDurationSeconds: decimalToNumber(r.measuredDurationSeconds),
    direction: r.direction,
    participants: presentParticipants(
      [...r.participants].sort((a, b) => a.position - b.position),
      role,
    ),
    complianceTags: r.complianceTags,
    dataResidencyRegion: r.dataResidencyRegion,
    status: r.status,
    legalHold: r.legalHold,
    mediaFormat: r.mediaFormat,
  };
}
