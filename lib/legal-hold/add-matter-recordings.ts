// Collects recordings into a matter: named one by one (a selection) or by the archive search's own filter
// schema (every recording the filter finds for this user, masking and residency rules included). Adding
// a recording already in the matter changes nothing; the addition is one audited transaction.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';
import { auditedFilters } from '@/lib/recordings/audited-search';
import { getSavedFilter } from '@/lib/recordings/saved-searches';
import { ZSearchFilter, type TSearchFilter } from '@/lib/recordings/search-filter';
import { searchRecordings } from '@/lib/recordings/search-recordings';

/** Most recordings one addition may bring in (a filter that finds more must be narrowed). */
export const MAX_ADD = 5000;

export const ZAddMatterRecordings = z.union([
  z.object({ recordingIds: z.array(z.uuid()).min(1).max(1000) }).strict(),
  /** The archive search's filters, as the search page sends them (cursor and page size are ignored). */
  z.object({ filter: ZSearchFilter }).strict(),
  /** One of the user's saved searches: every recording its filter finds. */
  z.object({ savedSearchId: z.uuid() }).strict(),
]);
export type TAddMatterRecordings = z.output<typeof ZAddMatterRecordings>;

async function idsByFilter(filter: TSearchFilter, user: TSessionUser): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchRecordings({ ...filter, cursor, limit: 100 }, { role: user.role, regions: user.regions });
    ids.push(...page.items.map((i) => i.id));
    if (ids.length > MAX_ADD) throw new AppError('unprocessable', `The filter finds more than ${MAX_ADD} recordings; narrow it`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function idsByList(ids: string[], user: TSessionUser): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await db().recording.findMany({ where: { id: { in: unique } }, select: { id: true, dataResidencyRegion: true } });
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('not_found', `Recording not found: ${missing.join(', ')}`, { recordingIds: missing });
  for (const r of rows) assertRegionAccess(user.regions, r.dataResidencyRegion);
  return unique;
}

export async function addMatterRecordings(
  matterId: string,
  input: TAddMatterRecordings,
  user: TSessionUser,
): Promise<{ added: number; alreadyInMatter: number }> {
  const matter = await findMatter(matterId);
  const filter = 'savedSearchId' in input ? await getSavedFilter(input.savedSearchId, user) : 'filter' in input ? input.filter : null;
  const ids = 'recordingIds' in input ? await idsByList(input.recordingIds, user) : await idsByFilter(filter!, user);
  if (ids.length === 0) throw new AppError('unprocessable', 'No recordings to add: the selection or filter is empty');
  return db().$transaction(async (tx) => {
    const { count } = await tx.matterRecording.createMany({
      data: ids.map((recordingId) => ({ matterId: matter.id, recordingId, addedById: user.id })),
      skipDuplicates: true,
    });
    const how =
      'recordingIds' in input
        ? { by: 'selection' }
        : {
            by: 'savedSearchId' in input ? 'saved_search' : 'filter',
            ...input,
            filter: auditedFilters({ ...filter!, cursor: undefined, limit: undefined }),
          };
    const details = { ...how, reference: matter.reference, requested: ids.length, added: count, recordingIds: ids, userEmail: user.email };
    await appendAuditEntry(
      { actorType: 'user', actorId: user.id, action: 'matter.recordings_added', subjectType: 'matter', subjectId: matter.id, details },
      tx,
    );
    return { added: count, alreadyInMatter: ids.length - count };
  });
}
