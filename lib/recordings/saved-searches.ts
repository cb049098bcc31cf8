// Saved searches: a user's named archive filters. The filter is validated by the search's own schema
// (and the same server checks) when saved and again when read, so a stored filter is always one the
// search API accepts. A filter with a date-time range keeps the zone it was written in, so it means the
// same instants whoever applies it and whatever their preference later becomes.
import { z } from 'zod';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { assertSearchAllowed } from '@/lib/recordings/assert-search-allowed';
import { ZSavedFilter, type TSavedFilter } from '@/lib/recordings/search-filter';
import { searchFilterToWhere } from '@/lib/recordings/search-where';
import type { Prisma } from '@/lib/generated/prisma/client';

/** A user keeps at most this many saved searches (the page lists them all in one select). */
export const MAX_SAVED_SEARCHES = 50;

export const ZCreateSavedSearch = z.object({ name: z.string().trim().min(1, 'Name the search').max(80), filter: ZSavedFilter }).strict();

export type TSavedSearchView = { id: string; name: string; filter: TSavedFilter; createdAt: string };

type TOwner = Pick<TSessionUser, 'id' | 'role' | 'timeZone'>;

function toView(row: { id: string; name: string; filter: Prisma.JsonValue; createdAt: Date }): TSavedSearchView {
  return { id: row.id, name: row.name, filter: ZSavedFilter.parse(row.filter), createdAt: row.createdAt.toISOString() };
}

export async function listSavedSearches(owner: Pick<TOwner, 'id'>): Promise<TSavedSearchView[]> {
  const rows = await db().savedSearch.findMany({ where: { ownerId: owner.id }, orderBy: { name: 'asc' } });
  return rows.map(toView);
}

export async function createSavedSearch(input: z.output<typeof ZCreateSavedSearch>, owner: TOwner): Promise<TSavedSearchView> {
  assertSearchAllowed(input.filter, !can(owner.role, 'identifiers.unmasked'));
  const filter = input.filter.from || input.filter.to ? { ...input.filter, tz: input.filter.tz ?? owner.timeZone } : input.filter;
  if ((await db().savedSearch.count({ where: { ownerId: owner.id } })) >= MAX_SAVED_SEARCHES) {
    throw new AppError('conflict', `You already have ${MAX_SAVED_SEARCHES} saved searches; delete one first`);
  }
  try {
    return toView(await db().savedSearch.create({ data: { ownerId: owner.id, name: input.name, filter } }));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002')
      throw new AppError('conflict', `You already have a saved search named "${input.name}"`);
    throw error;
  }
}

/** Deletes one of the owner's saved searches; another user's is "not found" (its existence is not disclosed). */
export async function deleteSavedSearch(id: string, owner: Pick<TOwner, 'id'>): Promise<void> {
  const { count } = await db().savedSearch.deleteMany({ where: { id, ownerId: owner.id } });
  if (count === 0) throw new AppError('not_found', 'Saved search not found');
}

/** The owner's saved search by id, as its filter. */
export async function getSavedFilter(id: string, owner: Pick<TOwner, 'id'>): Promise<TSavedFilter> {
  const row = await db().savedSearch.findFirst({ where: { id, ownerId: owner.id } });
  if (!row) throw new AppError('not_found', 'Saved search not found');
  return toView(row).filter;
}

/** The Prisma where-clause for the recordings one of the owner's saved searches finds, as that owner sees them. */
export async function savedSearchWhere(id: string, owner: TOwner & Pick<TSessionUser, 'regions'>): Promise<Prisma.RecordingWhereInput> {
  return searchFilterToWhere(await getSavedFilter(id, owner), { role: owner.role, regions: owner.regions, timeZone: owner.timeZone });
}
