// Matters on the real RGW and Postgres: recordings collected by selection and by search filter, one action
// holding or releasing all of them (storage, records, audit), and releasing one matter never releasing
// what another matter holds.
import { randomUUID } from 'node:crypto';
import { GetObjectLegalHoldCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSessionUser } from '@/tests/support/create-session-user';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import { addMatterRecordings } from '@/lib/legal-hold/add-matter-recordings';
import { createMatter } from '@/lib/legal-hold/create-matter';
import { getMatter } from '@/lib/legal-hold/get-matter';
import { holdMatterRecordings } from '@/lib/legal-hold/hold-matter-recordings';
import { listMatterHistory } from '@/lib/legal-hold/list-matter-history';
import { listMatterRecordings } from '@/lib/legal-hold/list-matter-recordings';
import { createSavedSearch } from '@/lib/recordings/saved-searches';
import { ZSavedFilter } from '@/lib/recordings/search-filter';

const { kit, s3 } = setupArchiveKit();
let officer: TSessionUser;
let auditor: TSessionUser;

beforeAll(async () => {
  officer = await createSessionUser('OFFICER');
  auditor = await createSessionUser('AUDITOR');
});

async function storageHold(recordingId: string): Promise<string | undefined> {
  const r = await db().recording.findUniqueOrThrow({ where: { id: recordingId } });
  const out = await s3
    .send(new GetObjectLegalHoldCommand({ Bucket: r.storageBucket!, Key: r.storageKey!, VersionId: r.storageVersionId! }))
    .catch(() => undefined);
  return out?.LegalHold?.Status ?? 'OFF';
}

async function archived(n: number): Promise<{ id: string; archiveId: string }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { recordingId } = await kit.archive(kit.sim.addRecording({ seconds: 2 }));
    out.push(await db().recording.findUniqueOrThrow({ where: { id: recordingId! }, select: { id: true, archiveId: true } }));
  }
  return out;
}

const newMatter = (tag: string) =>
  createMatter({ reference: `${tag}-${randomUUID().slice(0, 8)}`, name: `Matter ${tag}`, description: '' }, officer);

describe('matters', () => {
  it('collects recordings by selection and by search filter, once each, audited', async () => {
    const recs = await archived(2);
    const matter = await newMatter('COLLECT');
    expect(await addMatterRecordings(matter.id, { recordingIds: [recs[0]!.id, recs[0]!.id] }, officer)).toEqual({
      added: 1,
      alreadyInMatter: 0,
    });
    // The search's own filter: free text on the archive id finds exactly the second recording.
    const byFilter = await addMatterRecordings(
      matter.id,
      { filter: { q: recs[1]!.archiveId, tag: [], sort: 'startTime_desc', limit: 50 } },
      officer,
    );
    expect(byFilter).toEqual({ added: 1, alreadyInMatter: 0 });
    expect(await addMatterRecordings(matter.id, { recordingIds: recs.map((r) => r.id) }, officer)).toEqual({
      added: 0,
      alreadyInMatter: 2,
    });
    await expect(addMatterRecordings(matter.id, { recordingIds: [randomUUID()] }, officer)).rejects.toMatchObject({ code: 'not_found' });
    // A saved search of the user's own: its filter finds the first recording again.
    const saved = await createSavedSearch({ name: 'first', filter: ZSavedFilter.parse({ q: recs[0]!.archiveId }) }, officer);
    expect(await addMatterRecordings(matter.id, { savedSearchId: saved.id }, officer)).toEqual({ added: 0, alreadyInMatter: 1 });
    await expect(addMatterRecordings(matter.id, { savedSearchId: saved.id }, auditor)).rejects.toMatchObject({ code: 'not_found' });

    const page = await listMatterRecordings(matter.id, { page: 1, limit: 1 }, auditor);
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const history = await listMatterHistory(matter.id, 'AUDITOR');
    expect(
      history.entries
        .filter((e) => e.action === 'matter.recordings_added')
        .map((e) => (e.details as { by: string }).by)
        .sort(),
    ).toEqual(['filter', 'saved_search', 'selection', 'selection']);
  });

  it('holds all, then releasing one matter leaves what another matter holds held', async () => {
    const recs = await archived(3);
    const a = await newMatter('A');
    const b = await newMatter('B');
    await addMatterRecordings(a.id, { recordingIds: recs.map((r) => r.id) }, officer);
    await addMatterRecordings(b.id, { recordingIds: [recs[2]!.id] }, officer);

    // The confirmation's count must still be the matter's count.
    await expect(holdMatterRecordings(a.id, 'place', { reason: 'Regulator inquiry', expectedCount: 2 }, officer)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(holdMatterRecordings(a.id, 'place', { reason: 'Regulator inquiry', expectedCount: 3 }, auditor)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await holdMatterRecordings(a.id, 'place', { reason: 'Regulator inquiry', expectedCount: 3 }, officer)).toEqual({
      changed: 3,
      unchanged: 0,
      failed: [],
    });
    expect(await holdMatterRecordings(b.id, 'place', { reason: 'Litigation', expectedCount: 1 }, officer)).toEqual({
      changed: 1,
      unchanged: 0,
      failed: [],
    });
    for (const r of recs) expect(await storageHold(r.id)).toBe('ON');
    expect(await getMatter(a.id, 'OFFICER')).toMatchObject({ recordingCount: 3, heldCount: 3, holdState: 'held' });
    // Holding again changes nothing.
    expect(await holdMatterRecordings(a.id, 'place', { reason: 'again', expectedCount: 3 }, officer)).toEqual({
      changed: 0,
      unchanged: 3,
      failed: [],
    });

    expect(await holdMatterRecordings(a.id, 'release', { reason: 'Inquiry closed', expectedCount: 3 }, officer)).toEqual({
      changed: 3,
      unchanged: 0,
      failed: [],
    });
    expect(await storageHold(recs[0]!.id)).toBe('OFF');
    expect(await storageHold(recs[1]!.id)).toBe('OFF');
    expect(await storageHold(recs[2]!.id)).toBe('ON');
    const rows = await db().recording.findMany({ where: { id: { in: recs.map((r) => r.id) } }, select: { id: true, legalHold: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.legalHold]))).toEqual({
      [recs[0]!.id]: false,
      [recs[1]!.id]: false,
      [recs[2]!.id]: true,
    });
    expect(await getMatter(a.id, 'OFFICER')).toMatchObject({ heldCount: 0, holdState: 'not_held' });
    expect(await getMatter(b.id, 'OFFICER')).toMatchObject({ heldCount: 1, holdState: 'held' });

    const actions = (await listMatterHistory(a.id, 'OFFICER')).entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'matter.created',
        'matter.recordings_added',
        'matter.hold_placed',
        'matter.hold_released',
        'legal_hold.placed',
        'legal_hold.lifted',
      ]),
    );
    expect(actions.filter((x) => x === 'legal_hold.lifted')).toHaveLength(3);
  });
});
