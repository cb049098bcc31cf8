// The archive search as one SQL statement over "Recording", built so PostgreSQL can walk an index
// in sort order and stop after a page: keyset pagination on (sort value, id), never OFFSET.
// Sort order matches the index ("startTime" DESC, id): descending puts NULLs (no start time —
// recordings quarantined for missing metadata) first, ascending puts them last.
import { Prisma } from '@/lib/generated/prisma/client';
import { VENDOR_SLUG } from '@/lib/vendors/types';
import type { TSearchCursor } from '@/lib/recordings/search-cursor';
import type { TSearchFilter } from '@/lib/recordings/search-filter';

export const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

/** LIKE pattern for a substring; phone-like input matches on digits only (formatting differs by vendor). */
export function likePattern(input: string): string {
  const needle = PHONE_LIKE.test(input) ? input.replace(/\D/g, '') : input.toLowerCase();
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
}

function participantMatch(role: 'AGENT' | 'CUSTOMER', pattern: string): Prisma.Sql {
  const names = role === 'AGENT' ? Prisma.sql` OR p."displayName" ILIKE ${pattern}` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Participant" p WHERE p."recordingId" = r.id
    AND p.role = ${role}::"ParticipantRole" AND (p.identifier ILIKE ${pattern}${names}))`;
}

/**
 * Free text for a role that sees customer identifiers masked: ids and agents only. Matching the hidden
 * customer columns would let such a user recover a number prefix by prefix from the result counts.
 */
function maskedTextMatch(pattern: string): Prisma.Sql {
  return Prisma.sql`(r."archiveId" ILIKE ${pattern} OR r."vendorRecordingId" ILIKE ${pattern} OR r."interactionId" ILIKE ${pattern}
    OR ${participantMatch('AGENT', pattern)})`;
}

export type TSearchScope = { masked: boolean; regions: readonly string[] };

function filterConditions(f: TSearchFilter, scope: TSearchScope): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.vendor) c.push(Prisma.sql`r."vendorSource" = ${VENDOR_SLUG[f.vendor]}::"VendorSource"`);
  if (f.direction) c.push(Prisma.sql`r.direction = ${f.direction}::"CallDirection"`);
  if (f.status) c.push(Prisma.sql`r.status = ${f.status}::"RecordingStatus"`);
  if (f.region) c.push(Prisma.sql`r."dataResidencyRegion" = ${f.region}`);
  if (f.legalHold) c.push(Prisma.sql`r."legalHold" = ${f.legalHold === 'true'}`);
  if (f.tag.length > 0) c.push(Prisma.sql`r."complianceTags" @> ${f.tag}::text[]`);
  if (f.from) c.push(Prisma.sql`r."startTime" >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) c.push(Prisma.sql`r."startTime" < ${dayAfter(f.to)}::timestamptz`);
  if (f.q) c.push(scope.masked ? maskedTextMatch(likePattern(f.q)) : Prisma.sql`r."searchText" LIKE ${likePattern(f.q)}`);
  if (f.agent) c.push(participantMatch('AGENT', likePattern(f.agent)));
  if (f.customer && !scope.masked) c.push(participantMatch('CUSTOMER', likePattern(f.customer)));
  // A region-scoped user sees only recordings stored in their regions (none without a region).
  if (scope.regions.length > 0) c.push(Prisma.sql`r."dataResidencyRegion" = ANY(${[...scope.regions]}::text[])`);
  return c;
}

const SORT_SQL = {
  startTime_desc: { col: Prisma.sql`r."startTime"`, cast: 'timestamptz', desc: true },
  startTime_asc: { col: Prisma.sql`r."startTime"`, cast: 'timestamptz', desc: false },
  duration_desc: { col: Prisma.sql`r."durationSeconds"`, cast: 'numeric', desc: true },
  duration_asc: { col: Prisma.sql`r."durationSeconds"`, cast: 'numeric', desc: false },
} as const;

/** Rows strictly after the cursor in the order ORDER BY produces. */
function afterCursor(cursor: TSearchCursor): Prisma.Sql {
  const { col, cast, desc } = SORT_SQL[cursor.sort];
  const v = Prisma.sql`${cursor.value}::${Prisma.raw(cast)}`;
  const id = Prisma.sql`${cursor.id}::uuid`;
  if (desc) {
    // (col DESC NULLS FIRST, id ASC)
    if (cursor.value === null) return Prisma.sql`((${col} IS NULL AND r.id > ${id}) OR ${col} IS NOT NULL)`;
    return Prisma.sql`(${col} <= ${v} AND (${col} < ${v} OR r.id > ${id}))`;
  }
  // (col ASC NULLS LAST, id DESC)
  if (cursor.value === null) return Prisma.sql`(${col} IS NULL AND r.id < ${id})`;
  return Prisma.sql`((${col} >= ${v} AND (${col} > ${v} OR r.id < ${id})) OR ${col} IS NULL)`;
}

export function orderBy(sort: TSearchFilter['sort']): Prisma.Sql {
  const { col, desc } = SORT_SQL[sort];
  return desc ? Prisma.sql`${col} DESC NULLS FIRST, r.id ASC` : Prisma.sql`${col} ASC NULLS LAST, r.id DESC`;
}

/** SELECT of ids and sort values for one page (+1 row to know whether another page exists). */
export function buildSearchQuery(filter: TSearchFilter, cursor: TSearchCursor | null, scope: TSearchScope = { masked: false, regions: [] }): Prisma.Sql {
  const conditions = filterConditions(filter, scope);
  if (cursor) conditions.push(afterCursor(cursor));
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  return Prisma.sql`SELECT r.id, r."startTime", r."durationSeconds"::text AS "durationSeconds"
    FROM "Recording" r ${where} ORDER BY ${orderBy(filter.sort)} LIMIT ${filter.limit + 1}`;
}
