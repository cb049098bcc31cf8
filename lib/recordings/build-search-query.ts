// The archive search as one SQL statement over "Recording", built so PostgreSQL can walk an index
// in sort order and stop after a page: keyset pagination on (sort value, id), never OFFSET.
// Sort order matches the index ("startTime" DESC, id): descending puts NULLs (no start time —
// recordings quarantined for missing metadata) first, ascending puts them last.
import { zonedToUtc } from '@/lib/format/zoned-time';
import { Prisma } from '@/lib/generated/prisma/client';
import { PHONE_LIKE, phoneNeedle } from '@/lib/recordings/phone-needle';
import type { TSearchCursor } from '@/lib/recordings/search-cursor';
import type { TSavedFilter, TSearchFilter, TSortKey } from '@/lib/recordings/search-filter';
import { VENDOR_SLUG } from '@/lib/vendors/types';

export { PHONE_LIKE };

/** What to look for: phone-like input as the digits every stored form of the number holds, else lower-case text. */
export function searchNeedle(input: string, phoneRegion = 'US'): string {
  return PHONE_LIKE.test(input) ? phoneNeedle(input, phoneRegion) : input.toLowerCase();
}

/** LIKE pattern for a substring (wildcards in the input escaped). */
export function likePattern(input: string, phoneRegion = 'US'): string {
  return `%${searchNeedle(input, phoneRegion).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The UTC bounds of the filter's from/to, read in its time zone (or the scope's). */
export function startTimeBounds(f: Pick<TSavedFilter, 'from' | 'to' | 'tz'>, zone: string): { gte?: Date; lt?: Date } {
  const tz = f.tz ?? zone;
  return {
    gte: f.from ? (zonedToUtc(f.from, tz) ?? undefined) : undefined,
    lt: f.to ? (zonedToUtc(f.to, tz, true) ?? undefined) : undefined,
  };
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

/** Who searches: masked roles, region-scoped users, their time zone, and the deployment's phone region. */
export type TSearchScope = { masked: boolean; regions: readonly string[]; timeZone?: string; phoneRegion?: string };

function filterConditions(f: TSavedFilter, scope: TSearchScope): Prisma.Sql[] {
  const like = (v: string) => likePattern(v, scope.phoneRegion);
  const { gte, lt } = startTimeBounds(f, scope.timeZone ?? 'UTC');
  const c: Prisma.Sql[] = [];
  if (f.vendor) c.push(Prisma.sql`r."vendorSource" = ${VENDOR_SLUG[f.vendor]}::"VendorSource"`);
  if (f.direction) c.push(Prisma.sql`r.direction = ${f.direction}::"CallDirection"`);
  if (f.status) c.push(Prisma.sql`r.status = ${f.status}::"RecordingStatus"`);
  if (f.region) c.push(Prisma.sql`r."dataResidencyRegion" = ${f.region}`);
  if (f.legalHold) c.push(Prisma.sql`r."legalHold" = ${f.legalHold === 'true'}`);
  if (f.tag.length > 0) c.push(Prisma.sql`r."complianceTags" @> ${f.tag}::text[]`);
  if (gte) c.push(Prisma.sql`r."startTime" >= ${gte.toISOString()}::timestamptz`);
  if (lt) c.push(Prisma.sql`r."startTime" < ${lt.toISOString()}::timestamptz`);
  if (f.q) c.push(scope.masked ? maskedTextMatch(like(f.q)) : Prisma.sql`r."searchText" LIKE ${like(f.q)}`);
  if (f.agent) c.push(participantMatch('AGENT', like(f.agent)));
  if (f.customer && !scope.masked) c.push(participantMatch('CUSTOMER', like(f.customer)));
  // A region-scoped user sees only recordings stored in their regions (none without a region).
  if (scope.regions.length > 0) c.push(Prisma.sql`r."dataResidencyRegion" = ANY(${[...scope.regions]}::text[])`);
  return c;
}

/** The sortable columns (a whitelist: the sort names a key here, never a column). */
const SORT_SQL: Record<TSortKey, { col: Prisma.Sql; cast: string }> = {
  startTime: { col: Prisma.sql`r."startTime"`, cast: 'timestamptz' },
  duration: { col: Prisma.sql`r."durationSeconds"`, cast: 'numeric' },
  vendor: { col: Prisma.sql`r."vendorSource"`, cast: '"VendorSource"' },
  region: { col: Prisma.sql`r."dataResidencyRegion"`, cast: 'text' },
};

function sortSql(sort: TSearchFilter['sort']) {
  const [key, dir] = sort.split('_') as [TSortKey, 'asc' | 'desc'];
  return { ...SORT_SQL[key], desc: dir === 'desc' };
}

/** Rows strictly after the cursor in the order ORDER BY produces. */
function afterCursor(cursor: TSearchCursor): Prisma.Sql {
  const { col, cast, desc } = sortSql(cursor.sort);
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
  const { col, desc } = sortSql(sort);
  return desc ? Prisma.sql`${col} DESC NULLS FIRST, r.id ASC` : Prisma.sql`${col} ASC NULLS LAST, r.id DESC`;
}

const DEFAULT_SCOPE: TSearchScope = { masked: false, regions: [] };

function whereSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** SELECT of ids and sort values (as text) for one page (+1 row to know whether another page exists). */
export function buildSearchQuery(filter: TSearchFilter, cursor: TSearchCursor | null, scope: TSearchScope = DEFAULT_SCOPE): Prisma.Sql {
  const conditions = filterConditions(filter, scope);
  if (cursor) conditions.push(afterCursor(cursor));
  const { col } = sortSql(filter.sort);
  return Prisma.sql`SELECT r.id, r."startTime", ${col}::text AS "sortValue"
    FROM "Recording" r ${whereSql(conditions)} ORDER BY ${orderBy(filter.sort)} LIMIT ${filter.limit + 1}`;
}

/** Matching rows counted up to `bound` + 1 (so "more than bound" is known without counting them all). */
export function buildCountQuery(filter: TSavedFilter, bound: number, scope: TSearchScope = DEFAULT_SCOPE): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Recording" r ${whereSql(filterConditions(filter, scope))} LIMIT ${bound + 1}) AS m`;
}
