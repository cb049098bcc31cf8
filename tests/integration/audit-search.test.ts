// The auditor's desk against the real route handlers, database and audit chain: audit-log search filters
// (actor, action and family, subject, time range), paging, actor names and masking per role, readable
// lines, the search's own audit entry, refusals, and the export history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as entriesGet } from '@/app/api/audit/entries/route';
import { GET as exportsGet } from '@/app/api/audit/exports/route';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import type { TAuditSearchResult } from '@/lib/audit/search-audit-log';
import type { TAuditExportSummary } from '@/lib/audit/list-audit-exports';
import { db } from '@/lib/db';
import { producerRedis } from '@/lib/redis';
import { apiRequest, auditFor, ctx, makeUser, signedInAs } from './security-support';

const TAG = `as-${randomUUID().slice(0, 8)}`;
type TErr = { error: { code: string; message: string; details?: { path: string }[] } };

afterAll(async () => {
  producerRedis().disconnect();
  await db().$disconnect();
});

let officer: Awaited<ReturnType<typeof makeUser>>;
let start: Date;
let middle: Date;

async function search(cookie: string, query: Record<string, string>) {
  const res = await entriesGet(apiRequest(`/api/audit/entries?${new URLSearchParams(query).toString()}`, { cookie }), ctx());
  return { status: res.status, body: (await res.json()) as TAuditSearchResult & TErr };
}

const playback = (i: number, recordingId: string) => ({
  actorType: 'user' as const,
  actorId: officer.id,
  action: 'playback.issued' as const,
  subjectType: 'recording' as const,
  subjectId: `GENESYS_CLOUD:${TAG}-${i}`,
  details: { user: officer.email, recordingId, reason: `${TAG} review ${i}, caller +15551234567`, expiresAt: '2026-12-01T10:05:00.000Z' },
});

beforeAll(async () => {
  officer = await makeUser('OFFICER');
  start = new Date(Date.now() - 1000);
  let lastEarly = '';
  for (let i = 0; i < 3; i++) lastEarly = (await appendAuditEntry(playback(i, randomUUID()))).occurredAt;
  // `middle` is just after the third entry; the next ones are written once the clock has passed it.
  middle = new Date(Date.parse(lastEarly) + 1);
  while (Date.now() <= middle.getTime()) await Promise.resolve();
  for (let i = 3; i < 5; i++) await appendAuditEntry(playback(i, randomUUID()));
  await appendAuditEntry({
    actorType: 'user',
    actorId: officer.id,
    action: 'matter.created',
    subjectType: 'matter',
    subjectId: randomUUID(),
    details: { reference: TAG, name: TAG, by: officer.email },
  });
  await flushAuditSequencer();
});

describe('audit log search', () => {
  it('filters by actor email, action and time range, pages newest first, and describes each entry', async () => {
    const { cookie } = await signedInAs('ADMIN');
    const all = await search(cookie, { actor: officer.email, action: 'playback.issued', from: start.toISOString(), pageSize: '2' });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(all.body.pages).toBe(3);
    expect(all.body.entries.map((e) => e.subjectId)).toEqual([`GENESYS_CLOUD:${TAG}-4`, `GENESYS_CLOUD:${TAG}-3`]);
    const last = await search(cookie, {
      actor: officer.email,
      action: 'playback.issued',
      from: start.toISOString(),
      pageSize: '2',
      page: '3',
    });
    expect(last.body.entries.map((e) => e.subjectId)).toEqual([`GENESYS_CLOUD:${TAG}-0`]);
    const early = await search(cookie, {
      actor: officer.id,
      action: 'playback.issued',
      from: start.toISOString(),
      to: middle.toISOString(),
    });
    expect(early.body.total).toBe(3);
    const [entry] = all.body.entries;
    expect(entry!.actor).toEqual({ name: officer.name, email: officer.email });
    // The trail keeps free text as written to it: the number masked for every reader, its digest beside it.
    expect(entry!.description).toBe(
      `Playback link issued to ${officer.email} until 10:05:00 UTC — reason: ${TAG} review 4, caller +1555•••4567`,
    );
  });

  it('filters by an action family and by subject', async () => {
    const { cookie } = await signedInAs('AUDITOR');
    const family = await search(cookie, { actor: officer.email, action: 'matter.' });
    expect(family.body.entries.map((e) => e.action)).toEqual(['matter.created']);
    expect(family.body.entries[0]!.description).toContain(`Matter ${TAG} opened by`);
    const one = await search(cookie, { subjectType: 'recording', subjectId: `GENESYS_CLOUD:${TAG}-2` });
    expect(one.body.total).toBe(1);
    expect(one.body.entries[0]!.action).toBe('playback.issued');
  });

  it('masks emails and customer numbers for an auditor, in the actor, the details and the line', async () => {
    const { cookie } = await signedInAs('AUDITOR');
    const res = await search(cookie, { actor: officer.email, action: 'playback.issued', pageSize: '1' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(officer.email);
    expect(text).not.toContain('5551234567');
    const [entry] = res.body.entries;
    expect(entry!.actor!.name).toBe(officer.name);
    expect(entry!.actor!.email).toMatch(/^s•••@callvault\.test$/);
    expect(entry!.description).toContain(`${TAG} review 4`);
  });

  it('audits the search itself with its filters', async () => {
    const { cookie, user } = await signedInAs('AUDITOR');
    await search(cookie, { action: 'playback.issued', subjectId: `GENESYS_CLOUD:${TAG}-1` });
    const [logged] = await auditFor(user.id, 'access.audit_searched');
    expect(logged?.details).toMatchObject({
      filters: { action: 'playback.issued', subjectId: `GENESYS_CLOUD:${TAG}-1` },
      page: 1,
      resultCount: 1,
      total: 1,
    });
  });

  it('refuses bad parameters with the field named, and roles without audit export', async () => {
    const { cookie } = await signedInAs('AUDITOR');
    const bad = await search(cookie, { action: 'DROP TABLE', pageSize: '500', from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual(['action', 'pageSize', 'to']);
    const reviewer = await signedInAs('REVIEWER');
    expect((await search(reviewer.cookie, {})).status).toBe(403);
    expect((await entriesGet(apiRequest('/api/audit/entries'), ctx())).status).toBe(401);
  });
});

describe('export history', () => {
  it('lists every export with status, requester, times, size and failure reason; masked for auditors', async () => {
    const requester = await makeUser('AUDITOR');
    const done = await db().auditExport.create({
      data: {
        requestedById: requester.id,
        scope: { from: '2026-11-01' },
        status: 'completed',
        entryCount: 7,
        sizeBytes: 4096n,
        bucket: 'b',
        objectKey: 'k',
        versionId: 'v1',
        completedAt: new Date(),
      },
    });
    const failed = await db().auditExport.create({
      data: { requestedById: requester.id, scope: {}, status: 'failed', error: `${TAG}: storage unavailable` },
    });
    const admin = await signedInAs('ADMIN');
    const res = await exportsGet(apiRequest('/api/audit/exports?pageSize=100', { cookie: admin.cookie }), ctx());
    expect(res.status).toBe(200);
    const { exports } = (await res.json()) as { exports: TAuditExportSummary[] };
    const byId = new Map(exports.map((x) => [x.id, x]));
    expect(byId.get(done.id)).toMatchObject({
      status: 'completed',
      entryCount: 7,
      sizeBytes: '4096',
      downloadable: true,
      requestedBy: { name: requester.name, email: requester.email },
    });
    expect(byId.get(done.id)!.completedAt).not.toBeNull();
    expect(byId.get(failed.id)).toMatchObject({
      status: 'failed',
      error: `${TAG}: storage unavailable`,
      downloadable: false,
      completedAt: null,
    });
    expect(exports.findIndex((x) => x.id === failed.id)).toBeLessThan(exports.findIndex((x) => x.id === done.id));
    const auditor = await signedInAs('AUDITOR');
    const masked = JSON.stringify(
      await (await exportsGet(apiRequest('/api/audit/exports?pageSize=100', { cookie: auditor.cookie }), ctx())).json(),
    );
    expect(masked).not.toContain(requester.email);
  });
});
