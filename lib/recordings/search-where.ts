// A search filter as a Prisma where-clause over Recording, for code that selects recordings by a saved
// search through Prisma (adding a saved search's recordings to a matter, bulk actions). It means exactly
// what the archive search means for the same viewer — masking, region scope, time zone, phone numbers —
// and an integration test holds the two to the same rows.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TRole } from '@/lib/auth/types';
import { assertSearchAllowed } from '@/lib/recordings/assert-search-allowed';
import { searchNeedle, startTimeBounds } from '@/lib/recordings/build-search-query';
import type { TSavedFilter } from '@/lib/recordings/search-filter';
import { searchScope, type TViewer } from '@/lib/recordings/search-recordings';

type TWhere = Prisma.RecordingWhereInput;

function participant(role: 'AGENT' | 'CUSTOMER', needle: string): TWhere {
  const identifier = { contains: needle, mode: 'insensitive' } as const;
  return { participants: { some: { role, OR: role === 'AGENT' ? [{ identifier }, { displayName: identifier }] : [{ identifier }] } } };
}

function textMatch(needle: string, masked: boolean): TWhere {
  if (!masked) return { searchText: { contains: needle } };
  // Ids and agents only: matching hidden customer columns would make the result count an oracle.
  const c = { contains: needle, mode: 'insensitive' } as const;
  return { OR: [{ archiveId: c }, { vendorRecordingId: c }, { interactionId: c }, participant('AGENT', needle)] };
}

/** The recordings a (saved) search finds for this viewer; throws as the search API would (400/403). */
export function searchFilterToWhere(filter: TSavedFilter, viewer: TRole | TViewer): TWhere {
  const { scope } = searchScope(viewer);
  assertSearchAllowed(filter, scope.masked);
  const needle = (v: string) => searchNeedle(v, scope.phoneRegion);
  const { gte, lt } = startTimeBounds(filter, scope.timeZone ?? 'UTC');
  const and: TWhere[] = [];
  if (filter.vendor) and.push({ vendorSource: filter.vendor });
  if (filter.direction) and.push({ direction: filter.direction });
  if (filter.status) and.push({ status: filter.status });
  if (filter.region) and.push({ dataResidencyRegion: filter.region });
  if (filter.legalHold) and.push({ legalHold: filter.legalHold === 'true' });
  if (filter.tag.length > 0) and.push({ complianceTags: { hasEvery: filter.tag } });
  if (gte || lt) and.push({ startTime: { gte, lt } });
  if (filter.q) and.push(textMatch(needle(filter.q), scope.masked));
  if (filter.agent) and.push(participant('AGENT', needle(filter.agent)));
  if (filter.customer && !scope.masked) and.push(participant('CUSTOMER', needle(filter.customer)));
  if (scope.regions.length > 0) and.push({ dataResidencyRegion: { in: [...scope.regions] } });
  return { AND: and };
}
