// The security review's findings, one block each, against the real route handlers, database, Redis and
// audit chain: each test fails on the code before the fix. (Legal holds per matter: legal-hold.test.ts;
// headers: tests/e2e/security-headers.spec.ts.)
import { createHash, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as recordingGet } from '@/app/api/recordings/[id]/route';
import { GET as recordingAuditGet } from '@/app/api/recordings/[id]/audit/route';
import { POST as playbackPost } from '@/app/api/recordings/[id]/playback/route';
import { GET as searchGet } from '@/app/api/recordings/route';
import { GET as accessReportGet } from '@/app/api/users/[id]/access-report/route';
import { PATCH as userPatch } from '@/app/api/users/[id]/route';
import { DELETE as sessionsDelete, GET as sessionsGet } from '@/app/api/users/[id]/sessions/route';
import { POST as usersPost } from '@/app/api/users/route';
import { POST as authPost } from '@/app/api/auth/[...nextauth]/route';
import { authorizeCredentials } from '@/lib/auth/authorize-credentials';
import { signOutSession } from '@/lib/auth/sign-out-session';
import { resolveOidcUser } from '@/lib/auth/resolve-oidc-user';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { runWithClientInfo } from '@/lib/telemetry/request-context';
import { producerRedis } from '@/lib/redis';
import { apiRequest, auditFor, ctx, makeRecording, makeUser, PASSWORD, sessionCookie, signedInAs } from './security-support';

const TAG = `sec-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  producerRedis().disconnect();
  await db().$disconnect();
});

type TJson = Record<string, unknown> & { error?: { code: string; message: string } };
const body = async (res: Response) => (await res.json()) as TJson;

describe('1. masked roles cannot search by masked fields', () => {
  it('refuses customer= and phone-like q= to an auditor, and free text never matches the hidden number', async () => {
    await makeRecording(TAG);
    const { cookie, user } = await signedInAs('AUDITOR');
    const byCustomer = await searchGet(apiRequest(`/api/recordings?tag=${TAG}&customer=%2B1555149`, { cookie }), ctx());
    expect(byCustomer.status).toBe(403);
    expect((await body(byCustomer)).error?.message).toMatch(/masked/);
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}&q=555149`, { cookie }), ctx())).status).toBe(403);
    // Probing digit by digit through names/ids finds nothing: free text skips customer columns.
    const probe = await body(await searchGet(apiRequest(`/api/recordings?tag=${TAG}&q=1498897x`, { cookie }), ctx()));
    expect(probe.items).toEqual([]);
    const denials = await auditFor(user.id, 'access.denied');
    expect(denials).toHaveLength(2);
    // An officer still searches by number.
    const officer = await signedInAs('OFFICER');
    const found = await body(
      await searchGet(apiRequest(`/api/recordings?tag=${TAG}&customer=5551498897`, { cookie: officer.cookie }), ctx()),
    );
    expect((found.items as unknown[]).length).toBe(1);
    // ...and the trail records that search without the number in clear.
    const [logged] = await auditFor(officer.user.id, 'access.search');
    expect(JSON.stringify(logged?.details)).not.toContain('5551498897');
    expect(logged?.details).toMatchObject({
      filters: { customer: expect.stringContaining('•••'), customerCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // Not the plain digest of the number: that would fall to trying every number.
    expect(JSON.stringify(logged?.details)).not.toContain(createHash('sha256').update('5551498897').digest('hex'));
    // A text search for bare digits of it, which the detector leaves alone inside prose, is masked whole too.
    await searchGet(apiRequest(`/api/recordings?tag=${TAG}&q=1498897`, { cookie: officer.cookie }), ctx());
    const [, byDigits] = await auditFor(officer.user.id, 'access.search');
    expect(byDigits?.details).toMatchObject({ filters: { q: '•••97', qCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });
});

describe('2. identifiers in free text are masked in every format', () => {
  it('masks both forms of a number in a playback reason in the audit history an auditor reads', async () => {
    const rec = await makeRecording(TAG);
    const officer = await signedInAs('OFFICER');
    await appendAuditEntry({
      actorType: 'user',
      actorId: officer.user.id,
      action: 'playback.issued',
      subjectType: 'recording',
      subjectId: rec.auditKey,
      details: {
        user: officer.user.email,
        recordingId: rec.id,
        expiresAt: new Date().toISOString(),
        reason: 'caller +15551498897, callback on (555) 149-8897, alt 020 7946 0958',
      },
    });
    const auditor = await signedInAs('AUDITOR');
    await flushAuditSequencer();
    const history = JSON.stringify(
      await body(await recordingAuditGet(apiRequest(`/api/recordings/${rec.id}/audit`, { cookie: auditor.cookie }), ctx({ id: rec.id }))),
    );
    expect(history).toContain('callback on');
    for (const clear of ['5551498897', '149-8897', '7946 0958']) expect(history).not.toContain(clear);
  });
});

describe('3. vendor media URLs are redacted from raw payloads for every role', () => {
  it('shows no signed media URL to the auditor or the officer', async () => {
    const signed = 'https://media.example-vendor.test/rec/abc.wav?X-Amz-Signature=deadbeef&X-Amz-Expires=3600';
    const rec = await makeRecording(TAG, {
      payload: { id: 'abc', mediaUris: { S: { mediaUri: signed } }, fileToPlayUrl: signed, selfUri: '/api/v2/recordings/abc' },
    });
    for (const role of ['AUDITOR', 'OFFICER'] as const) {
      const { cookie } = await signedInAs(role);
      const text = JSON.stringify(await body(await recordingGet(apiRequest(`/api/recordings/${rec.id}`, { cookie }), ctx({ id: rec.id }))));
      expect(text, role).not.toContain('X-Amz-Signature');
      expect(text, role).not.toContain('media.example-vendor.test/rec');
      expect(text, role).toContain('/api/v2/recordings/abc');
    }
  });
});

describe('4. sessions end on the server', () => {
  it('a cookie stops working after sign-out, disable, role change and "sign out everywhere"', async () => {
    const { user, cookie } = await signedInAs('OFFICER');
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie }), ctx())).status).toBe(200);
    await runWithClientInfo({ ip: '192.0.2.10', userAgent: 'security-test' }, () =>
      signOutSession(apiRequest('/api/auth/signout', { cookie, method: 'POST' })),
    );
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie }), ctx())).status).toBe(401);
    const [out] = await auditFor(user.id, 'auth.sign_out');
    expect(out?.details).toMatchObject({ ip: '192.0.2.10', userAgent: 'security-test' });

    const admin = await signedInAs('ADMIN');
    const second = await sessionCookie(user.id);
    await userPatch(
      apiRequest(`/api/users/${user.id}`, { cookie: admin.cookie, method: 'PATCH', body: { role: 'AUDITOR' } }),
      ctx({ id: user.id }),
    );
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie: second.cookie }), ctx())).status).toBe(401);
    const third = await sessionCookie(user.id);
    const listed = await body(
      await sessionsGet(apiRequest(`/api/users/${user.id}/sessions`, { cookie: admin.cookie }), ctx({ id: user.id })),
    );
    expect((listed.sessions as { revokedReason: string | null }[]).map((s) => s.revokedReason).sort()).toEqual([
      null,
      'role_changed',
      'sign_out',
    ]);
    expect(
      await body(
        await sessionsDelete(
          apiRequest(`/api/users/${user.id}/sessions`, { cookie: admin.cookie, method: 'DELETE' }),
          ctx({ id: user.id }),
        ),
      ),
    ).toEqual({ sessionsEnded: 1 });
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie: third.cookie }), ctx())).status).toBe(401);
  });

  it('an idle session ends after SESSION_IDLE_MINUTES', async () => {
    const { cookie, sessionId } = await signedInAs('OFFICER');
    await db().session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - (env().SESSION_IDLE_MINUTES + 1) * 60_000) },
    });
    expect((await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie }), ctx())).status).toBe(401);
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedReason).toBe('idle_timeout');
  });
});

describe('5. sign-in throttling, unlock and password policy', () => {
  it('one address failing against many accounts gets 429', async () => {
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const attempt = (email: string) =>
      authPost(
        apiRequest('/api/auth/callback/credentials', {
          method: 'POST',
          body: new URLSearchParams({ email, password: 'wrong-password-1', csrfToken: 'x' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
        }),
        { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
      );
    await runWithClientInfo({ ip, userAgent: 'it' }, async () => {
      for (let i = 0; i < env().AUTH_IP_MAX_FAILURES; i += 1)
        await authorizeCredentials({ email: `victim-${i}-${TAG}@callvault.test`, password: 'wrong-password-1' });
    });
    const refused = await attempt(`another-${TAG}@callvault.test`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a one-letter or common password and accepts a good one', async () => {
    const admin = await signedInAs('ADMIN');
    const create = (password: string) =>
      usersPost(
        apiRequest('/api/users', {
          cookie: admin.cookie,
          method: 'POST',
          body: { email: `p-${randomUUID().slice(0, 6)}@callvault.test`, name: 'P', role: 'AUDITOR', password },
        }),
        ctx(),
      );
    for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop123']) expect((await create(weak)).status, weak).toBe(422);
    expect((await create('violet-harbour-kettle-9')).status).toBe(201);
  });
});

describe('6. OIDC links an existing account only on a verified email', () => {
  it('refuses an absent email_verified, links on true and audits the link', async () => {
    const user = await makeUser('OFFICER');
    expect(await resolveOidcUser({ subject: `s-${randomUUID()}`, email: user.email, emailVerified: false, name: null })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
    const subject = `s-${randomUUID()}`;
    expect((await resolveOidcUser({ subject, email: user.email, emailVerified: true, name: null, issuer: 'https://idp.test' }))?.id).toBe(
      user.id,
    );
    await flushAuditSequencer();
    const links = await db().auditEntry.findMany({ where: { action: 'auth.oidc_linked', subjectId: user.id } });
    expect(links.map((l) => l.details)).toEqual([expect.objectContaining({ subject, issuer: 'https://idp.test', emailVerified: true })]);
  });
});

describe('8. state-changing APIs: same origin and exact JSON only', () => {
  it('refuses a foreign Origin, a cross-site fetch and application/jsonp; answers carry no-store', async () => {
    const { cookie } = await signedInAs('ADMIN');
    const create = (headers: Record<string, string>) =>
      usersPost(
        apiRequest('/api/users', {
          cookie,
          method: 'POST',
          headers,
          body: JSON.stringify({
            email: `o-${randomUUID().slice(0, 6)}@callvault.test`,
            name: 'O',
            role: 'AUDITOR',
            password: 'violet-harbour-kettle-9',
          }),
        }),
        ctx(),
      );
    expect((await create({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await create({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await create({ 'content-type': 'application/jsonp' })).status).toBe(400);
    const ok = await create({ 'content-type': 'application/json; charset=utf-8', origin: new URL(env().NEXTAUTH_URL!).origin });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });
});

describe('9. input errors are 4xx with a reason', () => {
  it('NUL bytes, impossible dates and forged cursors', async () => {
    const { cookie } = await signedInAs('OFFICER');
    const nul = await searchGet(apiRequest('/api/recordings?q=abc%00def', { cookie }), ctx());
    expect(nul.status).toBe(400);
    expect((await body(nul)).error?.message).toMatch(/NUL/);
    const date = await searchGet(apiRequest('/api/recordings?from=2024-02-30', { cookie }), ctx());
    expect(date.status).toBe(422);
    for (const forged of [
      ['startTime_desc', '0', randomUUID()],
      ['startTime_desc', '2024-02-30T00:00:00.000Z', randomUUID()],
      ['duration_desc', '1'.repeat(40), randomUUID()],
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const res = await searchGet(apiRequest(`/api/recordings?sort=${forged[0]}&cursor=${cursor}`, { cookie }), ctx());
      expect(res.status, JSON.stringify(forged)).toBe(400);
    }
  });
});

describe('11. access is logged with address and user agent', () => {
  it('searches, detail views and denials are audit entries, and the access report lists them', async () => {
    const rec = await makeRecording(TAG);
    const { user, cookie } = await signedInAs('OFFICER');
    await searchGet(apiRequest(`/api/recordings?tag=${TAG}&direction=INBOUND`, { cookie }), ctx());
    await recordingGet(apiRequest(`/api/recordings/${rec.id}`, { cookie }), ctx({ id: rec.id }));
    await usersPost(apiRequest('/api/users', { cookie, method: 'POST', body: {} }), ctx());
    const [search] = await auditFor(user.id, 'access.search');
    expect(search?.details).toMatchObject({
      filters: { tag: [TAG], direction: 'INBOUND' },
      resultCount: 0,
      ip: '192.0.2.10',
      userAgent: 'security-test',
    });
    const [view] = await auditFor(user.id, 'access.recording_viewed');
    expect(view).toMatchObject({ subjectId: rec.auditKey, details: expect.objectContaining({ recordingId: rec.id, unmasked: true }) });
    expect(await auditFor(user.id, 'access.denied')).toHaveLength(1);
    const auditor = await signedInAs('AUDITOR');
    await flushAuditSequencer();
    const report = await body(
      await accessReportGet(apiRequest(`/api/users/${user.id}/access-report`, { cookie: auditor.cookie }), ctx({ id: user.id })),
    );
    expect((report.entries as { action: string }[]).map((e) => e.action)).toEqual([
      'access.denied',
      'access.recording_viewed',
      'access.search',
    ]);
  });
});

describe('12. passwords are not truncated, and old bcrypt hashes are upgraded', () => {
  it('a 100-character password differing after byte 72 is refused; a bcrypt hash becomes scrypt at sign-in', async () => {
    const long = `${'x'.repeat(80)}-Tail-One`;
    const user = await makeUser('OFFICER', { passwordHash: await bcrypt.hash(PASSWORD, 4) });
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
    const upgraded = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(upgraded.startsWith('scrypt$')).toBe(true);
    const admin = await signedInAs('ADMIN');
    const { PUT: passwordPut } = await import('@/app/api/users/[id]/password/route');
    expect(
      (
        await passwordPut(
          apiRequest(`/api/users/${user.id}/password`, { cookie: admin.cookie, method: 'PUT', body: { password: long } }),
          ctx({ id: user.id }),
        )
      ).status,
    ).toBe(200);
    expect(await authorizeCredentials({ email: user.email, password: `${'x'.repeat(80)}-Tail-Two` })).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: long })).not.toBeNull();
  });
});

describe('13. region-scoped users', () => {
  it('an EU-only officer neither finds, opens nor plays a US recording', async () => {
    const us = await makeRecording(TAG, { region: 'us' });
    const eu = await makeRecording(TAG, { region: 'eu' });
    const { cookie } = await signedInAs('OFFICER', { regions: ['eu'] });
    const found = await body(await searchGet(apiRequest(`/api/recordings?tag=${TAG}`, { cookie }), ctx()));
    const ids = (found.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(eu.id);
    expect(ids).not.toContain(us.id);
    expect((await recordingGet(apiRequest(`/api/recordings/${us.id}`, { cookie }), ctx({ id: us.id }))).status).toBe(403);
    expect((await recordingGet(apiRequest(`/api/recordings/${eu.id}`, { cookie }), ctx({ id: eu.id }))).status).toBe(200);
    const play = await playbackPost(
      apiRequest(`/api/recordings/${us.id}/playback`, { cookie, method: 'POST', body: { reason: 'Quality review of the call' } }),
      ctx({ id: us.id }),
    );
    expect(play.status).toBe(403);
  });
});
