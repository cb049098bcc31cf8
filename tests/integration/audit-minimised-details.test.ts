// Customer numbers typed into free text never reach the signed audit trail in clear: a playback reason, a
// quarantine note, a legal-hold reason, a matter's name and description and a customer-number search,
// each carrying a number in two writings, go through the real writers, the real export and evidence
// package builds (real Postgres, RGW, archive pipeline) and the offline verifier functions. The bundles
// verify, hold no digit run of the number anywhere in their bytes, and commit to what was typed: the
// digest beside each masked field is the SHA-256 of the original.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { tarFiles } from '@/tests/support/tar-files';
import { createSessionUser } from '@/tests/support/create-session-user';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
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

/** The number's subscriber digits (and so the whole number) in any writing: digits with separators between. */
const DIGIT_RUN = new RegExp(SUBSCRIBER.split('').join('[\\s().+-]{0,2}'));

const { kit } = setupArchiveKit();
let officer: TSessionUser;
let reviewer: TSessionUser;
let auditor: TSessionUser;
let recordingId = '';
let matterId = '';
let from = '';

type TBundleLine = { type: string; action?: string; subjectId?: string; details?: Record<string, unknown> };
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
  it('is stored masked with the digest of what was typed; the originals stay in their own rows', async () => {
    const playback = await db().auditEntry.findFirstOrThrow({
      where: { action: 'playback.issued', details: { path: ['recordingId'], equals: recordingId } },
    });
    const details = playback.details as Record<string, string>;
    expect(details.reason).not.toMatch(DIGIT_RUN);
    expect(details.reason).toMatch(/^caller \+1555•••\d{4}, callback on 555\d•••\d{4}$/);
    expect(details.reasonSha256).toBe(sha256(TYPED.reason));
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
    expect(JSON.stringify([history, matterHistory])).not.toMatch(DIGIT_RUN);
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
    const mine = (action: string, match: (d: Record<string, unknown>) => boolean) =>
      entries.find((e) => e.action === action && match(e.details ?? {}))?.details;
    expect(mine('playback.issued', (d) => d.recordingId === recordingId)?.reasonSha256).toBe(sha256(TYPED.reason));
    expect(mine('quarantine.resolved', (d) => d.recordingId === recordingId)?.noteSha256).toBe(sha256(TYPED.note));
    expect(mine('legal_hold.placed', (d) => d.recordingId === recordingId)?.reasonSha256).toBe(sha256(TYPED.holdReason));
    expect(mine('matter.created', (d) => d.nameSha256 === sha256(TYPED.matterName))).toMatchObject({
      descriptionSha256: sha256(TYPED.matterDescription),
      name: expect.stringContaining('•••'),
    });
    const search = entries.find((e) => e.action === 'access.search' && e.details?.user === officer.email)?.details;
    expect(search?.filters).toMatchObject({ customer: { masked: expect.stringContaining('•••') } });
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
    expect(playback?.reasonSha256).toBe(sha256(TYPED.reason));
    const manifest = JSON.parse(files.get('manifest.json')!.toString()).manifest;
    expect(manifest.notes.join(' ')).toMatch(/masked when they were written, with the SHA-256 of the original/);
  });
});
