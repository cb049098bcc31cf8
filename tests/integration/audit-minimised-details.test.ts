// Customer numbers typed into free text never reach the signed audit trail in clear: a playback reason, a
// quarantine note, a legal-hold reason, a matter's name and description and a customer-number search,
// each carrying a number in two writings, go through the real writers, the real export and evidence
// package builds (real Postgres, RGW, archive pipeline) and the offline verifier functions. The bundles
// verify, hold no digit run of the number anywhere in their bytes, and commit to what was typed: the
// commitment beside each masked field is SHA-256(salt ‖ original), whose opening lives outside the trail
// ("AuditFreeText"), so the few digits the masked text hides cannot be guessed from the commitment. Only
// roles that see identifiers receive an opening from the API; deleting one (erasure) leaves the trail valid.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { tarFiles } from '@/tests/support/tar-files';
import { GET as auditEntriesGet } from '@/app/api/audit/entries/route';
import { GET as matterHistoryGet } from '@/app/api/matters/[id]/history/route';
import { GET as recordingAuditGet } from '@/app/api/recordings/[id]/audit/route';
import { createSessionUser } from '@/tests/support/create-session-user';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { runAuditExport } from '@/lib/audit/run-audit-export';
import { startAuditExport } from '@/lib/audit/start-audit-export';
import { verifyAuditBundle } from '@/lib/audit/verify-audit-bundle';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import { openEvidencePackage } from '@/lib/evidence/open-evidence-package';
import { runEvidencePackage } from '@/lib/evidence/run-evidence-package';
import { startEvidencePackage } from '@/lib/evidence/start-evidence-package';
import { verifyEvidencePackage } from '@/lib/evidence/verify-evidence-package';
import { createMatter } from '@/lib/legal-hold/create-matter';
import { placeLegalHold } from '@/lib/legal-hold/place-legal-hold';
import { issuePlaybackUrl } from '@/lib/playback/issue-playback-url';
import { listMatterHistory } from '@/lib/legal-hold/list-matter-history';
import { resolveQuarantineCase } from '@/lib/quarantine/resolve-quarantine-case';
import { auditedSearch } from '@/lib/recordings/audited-search';
import { listRecordingAudit } from '@/lib/recordings/list-recording-audit';
import { ZSearchFilter } from '@/lib/recordings/search-filter';
import { apiRequest, ctx, signedInAs } from './security-support';

// A number no other test writes, so a digit run of it in a bundle can only come from this file's entries.
const SUBSCRIBER = String(randomInt(2_000_000, 9_999_999));
const E164 = `+1555${SUBSCRIBER}`;
const NATIONAL = `(555) ${SUBSCRIBER.slice(0, 3)}-${SUBSCRIBER.slice(3)}`;
const TYPED = {
  reason: `caller ${E164}, callback on ${NATIONAL}`,
  note: `Customer at ${NATIONAL} confirmed the call dropped`,
  holdReason: `Complaint filed by ${E164}`,
  matterName: `Complaint of ${NATIONAL}`,
  matterDescription: `Calls from ${E164} since October`,
  customer: NATIONAL,
};
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const salted = (salt: Buffer, s: string) => createHash('sha256').update(salt).update(s, 'utf8').digest('hex');

type TEntries = { entries: { action: string; openings?: unknown }[] };
type TOpening = { field: string; original: string; salt: Buffer };
/** The openings stored for the chained entry with this sequence (by the journal id the entry keeps). */
async function openingsOf(sequence: bigint): Promise<TOpening[]> {
  const { journalId } = await db().auditEntry.findUniqueOrThrow({ where: { sequence }, select: { journalId: true } });
  const rows = await db().auditFreeText.findMany({ where: { journalId: journalId! }, orderBy: { field: 'asc' } });
  return rows.map((r) => ({ field: r.field, original: r.original, salt: Buffer.from(r.salt) }));
}
const playbackEntry = () =>
  db().auditEntry.findFirstOrThrow({ where: { action: 'playback.issued', details: { path: ['recordingId'], equals: recordingId } } });

/** The number's subscriber digits (and so the whole number) in any writing: digits with separators between. */
const DIGIT_RUN = new RegExp(SUBSCRIBER.split('').join('[\\s().+-]{0,2}'));

const { kit } = setupArchiveKit();
let officer: TSessionUser;
let reviewer: TSessionUser;
let auditor: TSessionUser;
let recordingId = '';
let matterId = '';
let from = '';

type TBundleLine = { type: string; sequence?: string; action?: string; subjectId?: string; details?: Record<string, unknown> };
const entriesOf = (bundle: string): TBundleLine[] =>
  bundle
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as TBundleLine)
    .filter((l) => l.type === 'entry');

beforeAll(async () => {
  [officer, reviewer, auditor] = await Promise.all([
    createSessionUser('OFFICER'),
    createSessionUser('REVIEWER'),
    createSessionUser('AUDITOR'),
  ]);
  from = new Date(Date.now() - 1000).toISOString();
  // A truncated recording: quarantined, so a reviewer decides it with a note before it is played and held.
  const outcome = await kit.archive(kit.sim.addRecording({ seconds: 30, mediaSeconds: 24 }));
  expect(outcome.status).toBe('QUARANTINED');
  recordingId = outcome.recordingId!;
  const quarantineCase = await db().quarantineCase.findFirstOrThrow({ where: { recordingId }, select: { id: true } });
  await resolveQuarantineCase({ caseId: quarantineCase.id, decision: 'accept', note: TYPED.note, user: reviewer });
  await issuePlaybackUrl({ recordingId, reason: TYPED.reason, user: officer });
  const matter = await createMatter(
    { reference: `MIN-${randomUUID().slice(0, 8)}`, name: TYPED.matterName, description: TYPED.matterDescription },
    officer,
  );
  matterId = matter.id;
  await placeLegalHold({ recordingId, matterId, reason: TYPED.holdReason, user: officer });
  await auditedSearch(ZSearchFilter.parse({ customer: TYPED.customer }), officer);
  await flushAuditSequencer();
}, 120_000);

describe('free text in the signed audit trail', () => {
  it('is stored masked with a salted commitment to what was typed; the opening is kept outside the trail', async () => {
    const playback = await playbackEntry();
    const details = playback.details as Record<string, string>;
    expect(details.reason).not.toMatch(DIGIT_RUN);
    expect(details.reason).toMatch(/^caller \+1555•••\d{4}, callback on 555\d•••\d{4}$/);
    const [opening, ...others] = await openingsOf(playback.sequence);
    expect(others).toEqual([]);
    expect(opening).toMatchObject({ field: 'reason', original: TYPED.reason });
    expect(opening!.salt).toHaveLength(32);
    expect(details.reasonCommitment).toBe(salted(opening!.salt, TYPED.reason));
    expect(details.reasonCommitment).not.toBe(sha256(TYPED.reason));
    // Roles that may see identifiers read the originals where they live.
    expect((await db().matter.findUniqueOrThrow({ where: { id: matterId } })).name).toBe(TYPED.matterName);
    expect((await db().legalHold.findFirstOrThrow({ where: { recordingId, matterId } })).reason).toBe(TYPED.holdReason);
    expect((await db().quarantineCase.findFirstOrThrow({ where: { recordingId } })).resolutionNote).toBe(TYPED.note);
    // The officer's histories show the trail's masked copy and say which fields it masked when written.
    const history = (await listRecordingAudit(recordingId, 'OFFICER')).entries;
    expect(history.find((e) => e.action === 'playback.issued')).toMatchObject({ maskedAtWrite: ['reason'] });
    expect(history.find((e) => e.action === 'quarantine.resolved')).toMatchObject({ maskedAtWrite: ['note'] });
    const matterHistory = (await listMatterHistory(matterId, 'OFFICER')).entries;
    expect(matterHistory.find((e) => e.action === 'matter.created')).toMatchObject({ maskedAtWrite: ['name', 'description'] });
    // The trail's copy (details and line) holds no number; the officer's openings are the one place it is in clear.
    const trailCopy = [...history, ...matterHistory].map(({ openings: _openings, ...view }) => view);
    expect(JSON.stringify(trailCopy)).not.toMatch(DIGIT_RUN);
  });

  it('a signed export of the period verifies offline and holds no digit run of the number', async () => {
    const { id } = await startAuditExport({ scope: { from, to: new Date(Date.now() + 1000).toISOString() }, user: auditor });
    expect(await runAuditExport(id)).toMatchObject({ status: 'completed', exportId: id });
    const opened = await openAuditExport(id, auditor);
    const bytes = await buffer(opened.stream);

    const verified = await verifyAuditBundle(Readable.from([bytes]), { publicKeys: (await listPublishedKeys()).keys });
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
    expect(bytes.toString('latin1')).not.toMatch(DIGIT_RUN);

    const entries = entriesOf(bytes.toString('utf8'));
    // Each masked field's commitment opens with what was typed and the salt kept beside it in the database.
    const opens = async (action: string, where: object, field: string, typed: string) => {
      const row = await db().auditEntry.findFirstOrThrow({ where: { action, ...where }, orderBy: { sequence: 'desc' } });
      const line = entries.find((e) => e.type === 'entry' && e.sequence === row.sequence.toString());
      const opening = (await openingsOf(row.sequence)).find((o) => o.field === field)!;
      expect(opening.original).toBe(typed);
      const key = field.split('.');
      const parent = key.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, line!.details!);
      expect(parent[`${key.at(-1)}Commitment`]).toBe(salted(opening.salt, typed));
      return parent;
    };
    const about = (id: string) => ({ details: { path: ['recordingId'], equals: id } });
    await opens('playback.issued', about(recordingId), 'reason', TYPED.reason);
    await opens('quarantine.resolved', about(recordingId), 'note', TYPED.note);
    await opens('legal_hold.placed', about(recordingId), 'reason', TYPED.holdReason);
    const matter = await opens('matter.created', { subjectType: 'matter', subjectId: matterId }, 'name', TYPED.matterName);
    expect(matter.name).toEqual(expect.stringContaining('•••'));
    await opens('matter.created', { subjectType: 'matter', subjectId: matterId }, 'description', TYPED.matterDescription);
    const filters = await opens('access.search', { actorId: officer.id }, 'filters.customer', TYPED.customer);
    expect(filters.customer).toEqual(expect.stringContaining('•••'));
    expect(Object.keys(filters)).not.toContain('customerSha256');
  });

  it("a masked role's evidence package of the recording verifies and its audit bundle holds no digit run of the number", async () => {
    const { id } = await startEvidencePackage({ recordingIds: [recordingId] }, auditor);
    await flushAuditSequencer();
    expect(await runEvidencePackage(id)).toEqual({ status: 'completed', packageId: id });
    const bytes = await buffer((await openEvidencePackage(id, auditor)).stream);

    const verified = await verifyEvidencePackage(Readable.from([bytes]), { publicKeys: (await listPublishedKeys()).keys });
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
    expect(bytes.toString('latin1')).not.toMatch(DIGIT_RUN);

    const files = await tarFiles(bytes);
    const bundle = files.get('audit/audit-entries.cvaudit.jsonl')!.toString('utf8');
    const actions = entriesOf(bundle).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['playback.issued', 'quarantine.resolved', 'legal_hold.placed']));
    const playback = entriesOf(bundle).find((e) => e.action === 'playback.issued')?.details;
    const [opening] = await openingsOf((await playbackEntry()).sequence);
    expect(playback?.reasonCommitment).toBe(salted(opening!.salt, TYPED.reason));
    const manifest = JSON.parse(files.get('manifest.json')!.toString()).manifest;
    expect(manifest.notes.join(' ')).toMatch(/masked when they were written, with a salted commitment to the original/);
  });
});

describe('the commitment beside masked free text', () => {
  it("is written with its entry or not at all: one statement, inside the caller's transaction", async () => {
    // A recording id of its own, so the other tests' look-ups of this file's playback entry never see these.
    const otherRecording = randomUUID();
    const entry = (reason: string) =>
      ({
        actorType: 'user',
        actorId: officer.id,
        action: 'playback.issued',
        subjectType: 'recording',
        subjectId: `test:${otherRecording}`,
        details: { user: officer.email, recordingId: otherRecording, expiresAt: new Date().toISOString(), reason },
      }) as const;
    let rolledBack = '';
    await expect(
      db().$transaction(async (tx) => {
        rolledBack = (await appendAuditEntry(entry(TYPED.reason), tx)).journalId;
        throw new Error('the caller fails after writing');
      }),
    ).rejects.toThrow('the caller fails after writing');
    const committed = (await db().$transaction((tx) => appendAuditEntry(entry(TYPED.reason), tx))).journalId;
    const openings = await db().auditFreeText.findMany({ where: { journalId: { in: [rolledBack, committed] } } });
    expect(openings.map((o) => [o.journalId, o.field])).toEqual([[committed, 'reason']]);
    expect(await db().auditJournal.count({ where: { id: rolledBack } })).toBe(0);
  });

  it('cannot be opened by trying the numbers the masked text leaves possible, with no salt or a wrong one', async () => {
    const playback = await playbackEntry();
    const { reason: masked, reasonCommitment: commitment } = playback.details as Record<string, string>;
    // "+1555•••1234": three digits hidden; both writings of the number in the text share them.
    const last4 = /^caller \+1555•••(\d{4}),/.exec(masked!)![1]!;
    const candidates = Array.from({ length: 1000 }, (_, n) => {
      const subscriber = `${String(n).padStart(3, '0')}${last4}`;
      return `caller +1555${subscriber}, callback on (555) ${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
    });
    expect(candidates).toContain(TYPED.reason);
    const wrongSalt = randomBytes(32);
    const found = candidates.filter((c) => sha256(c) === commitment || salted(wrongSalt, c) === commitment);
    expect(found).toEqual([]);
    // The real salt opens it, and only for what was typed.
    const [{ salt }] = (await openingsOf(playback.sequence)) as [TOpening];
    expect(candidates.filter((c) => salted(salt, c) === commitment)).toEqual([TYPED.reason]);
  });

  it('is opened by the API only for roles that see identifiers; masked roles receive no original and no salt', async () => {
    const [opening] = await openingsOf((await playbackEntry()).sequence);
    const saltHex = opening!.salt.toString('hex');
    const [officer, admin, auditor] = await Promise.all([signedInAs('OFFICER'), signedInAs('ADMIN'), signedInAs('AUDITOR')]);
    const read = async (cookie: string, auditSearch = true) => {
      const responses = await Promise.all([
        recordingAuditGet(apiRequest(`/api/recordings/${recordingId}/audit`, { cookie }), ctx({ id: recordingId })),
        matterHistoryGet(apiRequest(`/api/matters/${matterId}/history`, { cookie }), ctx({ id: matterId })),
        ...(auditSearch
          ? [auditEntriesGet(apiRequest(`/api/audit/entries?subjectType=matter&subjectId=${matterId}`, { cookie }), ctx())]
          : []),
      ]);
      for (const r of responses) expect(r.status).toBe(200);
      return Promise.all(responses.map(async (r) => (await r.json()) as TEntries));
    };
    const [history, matterHistory] = (await read(officer.cookie, false)) as [TEntries, TEntries];
    expect(history.entries.find((e) => e.action === 'playback.issued')?.openings).toEqual([
      { field: 'reason', original: TYPED.reason, saltHex, matches: true },
    ]);
    expect(matterHistory.entries.find((e) => e.action === 'matter.created')?.openings).toEqual([
      expect.objectContaining({ field: 'description', original: TYPED.matterDescription, matches: true }),
      expect.objectContaining({ field: 'name', original: TYPED.matterName, matches: true }),
    ]);
    // The audit-log search (auditors' and admins' desk) opens them for an admin...
    const [, , adminSearch] = (await read(admin.cookie)) as [TEntries, TEntries, TEntries];
    expect(adminSearch.entries.find((e) => e.action === 'matter.created')?.openings).toHaveLength(2);
    // ...and gives an auditor the same entries, masked, with no original and no salt anywhere.
    const masked = await read(auditor.cookie);
    const text = JSON.stringify(masked);
    expect(masked.flatMap((b) => b.entries).length).toBeGreaterThan(0);
    expect(text).not.toContain('"openings"');
    expect(text).not.toContain(saltHex);
    expect(text).not.toMatch(DIGIT_RUN);
  });

  it('once its opening is deleted (erasure), the trail still verifies and the entry can no longer be opened', async () => {
    const playback = await playbackEntry();
    const { journalId } = playback;
    expect(await db().auditFreeText.deleteMany({ where: { journalId: journalId! } })).toEqual({ count: 1 });
    const history = (await listRecordingAudit(recordingId, 'OFFICER')).entries.find((e) => e.action === 'playback.issued');
    expect(history).toMatchObject({ maskedAtWrite: ['reason'] });
    expect(history?.openings).toBeUndefined();

    const { id } = await startAuditExport({ scope: { from, to: new Date(Date.now() + 1000).toISOString() }, user: auditor });
    expect(await runAuditExport(id)).toMatchObject({ status: 'completed', exportId: id });
    const bytes = await buffer((await openAuditExport(id, auditor)).stream);
    const verified = await verifyAuditBundle(Readable.from([bytes]), { publicKeys: (await listPublishedKeys()).keys });
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
    const line = entriesOf(bytes.toString('utf8')).find((e) => e.action === 'playback.issued' && e.details?.recordingId === recordingId);
    expect(line?.details?.reasonCommitment).toBe((playback.details as Record<string, string>).reasonCommitment);
  });
});
