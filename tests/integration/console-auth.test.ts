// Local sign-in with lockout, OIDC user resolution, and withRole re-reading the user on every call —
// against the real database and audit chain.
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authorizeCredentials } from '@/lib/auth/authorize-credentials';
import { hashPassword } from '@/lib/auth/password';
import { resolveOidcUser } from '@/lib/auth/resolve-oidc-user';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { json } from '@/lib/http/error-response';
import { runWithClientInfo } from '@/lib/telemetry/request-context';
import { withRole } from '@/lib/auth/with-role';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { startSession } from '@/lib/auth/start-session';
import { unlockUser } from '@/lib/users/unlock-user';

const PASSWORD = 'integration-Password-1';
let passwordHash: Promise<string> | undefined;

async function makeUser(role: TRole, extra: { disabled?: boolean; oidcSubject?: string; noPassword?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `it-${randomUUID().slice(0, 8)}@callvault.test`;
  return db().user.create({
    data: {
      email,
      name: 'IT user',
      role,
      disabled: extra.disabled ?? false,
      oidcSubject: extra.oidcSubject,
      passwordHash: extra.noPassword ? null : await passwordHash,
    },
  });
}

await flushAuditSequencer();
const actions = async (userId: string) =>
  (await flushAuditSequencer(),
  await db().auditEntry.findMany({ where: { subjectType: 'user', subjectId: userId }, orderBy: { sequence: 'asc' } })).map((e) => e.action);

afterAll(async () => {
  await db().$disconnect();
});

describe('authorizeCredentials', () => {
  it('signs in with the right password (case-insensitive email) and audits it', async () => {
    const user = await makeUser('OFFICER');
    const result = await authorizeCredentials({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(result).toEqual({ id: user.id, email: user.email, role: 'OFFICER', name: 'IT user' });
    expect(await actions(user.id)).toEqual(['auth.sign_in']);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it('locks the account from the failing address after the threshold, refusing even the right password, until an admin unlocks it', async () => {
    const user = await makeUser('AUDITOR');
    const admin = await makeUser('ADMIN');
    const threshold = env().AUTH_LOCKOUT_THRESHOLD;
    const attacker = { ip: `198.51.100.${Math.floor(Math.random() * 200) + 1}`, userAgent: 'it' };
    await runWithClientInfo(attacker, async () => {
      for (let i = 0; i < threshold; i += 1) expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}` })).toBeNull();
      expect(await authorizeCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    });
    // The owner, from their own address, is not locked out by someone else's guessing.
    expect(
      await runWithClientInfo({ ip: '203.0.113.7', userAgent: 'it' }, () =>
        authorizeCredentials({ email: user.email, password: PASSWORD }),
      ),
    ).not.toBeNull();
    const trail = await actions(user.id);
    expect(trail.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(threshold + 1);
    expect(trail.filter((a) => a === 'auth.locked_out')).toHaveLength(1);
    await flushAuditSequencer();
    const entries = await db().auditEntry.findMany({ where: { subjectId: user.id } });
    expect(JSON.stringify(entries.map((e) => e.details))).not.toMatch(/wrong-|integration-Password/);
    expect(entries.find((e) => e.action === 'auth.locked_out')?.details).toMatchObject({ ip: attacker.ip });

    await unlockUser(user.id, admin);
    expect(await runWithClientInfo(attacker, () => authorizeCredentials({ email: user.email, password: PASSWORD }))).not.toBeNull();
    expect(await actions(user.id)).toContain('user.unlocked');
  });

  it('refuses disabled, password-less and unknown accounts alike', async () => {
    const disabled = await makeUser('ADMIN', { disabled: true });
    const ssoOnly = await makeUser('ADMIN', { noPassword: true });
    expect(await authorizeCredentials({ email: disabled.email, password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: ssoOnly.email, password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: `nobody-${randomUUID()}@callvault.test`, password: PASSWORD })).toBeNull();
    await flushAuditSequencer();
    const details = await db().auditEntry.findMany({ where: { subjectId: { in: [disabled.id, ssoOnly.id] } }, select: { details: true } });
    expect(details.map((d) => (d.details as { reason: string }).reason).sort()).toEqual(['disabled', 'no_password']);
  });
});

describe('resolveOidcUser', () => {
  it('matches by subject, then links a verified email, and refuses an unverified one', async () => {
    const bySubject = await makeUser('REVIEWER', { oidcSubject: `sub-${randomUUID()}` });
    expect((await resolveOidcUser({ subject: bySubject.oidcSubject!, email: null, emailVerified: false, name: null }))?.id).toBe(
      bySubject.id,
    );

    const byEmail = await makeUser('AUDITOR');
    expect(await resolveOidcUser({ subject: `sub-${randomUUID()}`, email: byEmail.email, emailVerified: false, name: null })).toBeNull();
    const subject = `sub-${randomUUID()}`;
    expect((await resolveOidcUser({ subject, email: byEmail.email, emailVerified: true, name: null }))?.role).toBe('AUDITOR');
    expect((await db().user.findUniqueOrThrow({ where: { id: byEmail.id } })).oidcSubject).toBe(subject);
    // Once linked, another identity with the same email is not the same person.
    expect(await resolveOidcUser({ subject: `sub-${randomUUID()}`, email: byEmail.email, emailVerified: true, name: null })).toBeNull();
  });

  it('refuses unknown people when no default role is configured', async () => {
    expect(env().OIDC_DEFAULT_ROLE).toBeUndefined();
    const email = `new-${randomUUID().slice(0, 8)}@callvault.test`;
    expect(await resolveOidcUser({ subject: `sub-${randomUUID()}`, email, emailVerified: true, name: 'New Person' })).toBeNull();
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });
});

describe('withRole', () => {
  const ZBody = z.object({ n: z.number() });
  const handler = withRole(['OFFICER', 'ADMIN'], ZBody, async ({ input, user, params }) =>
    json({ n: input.n, role: user.role, id: params.id }),
  );

  async function call(userId: string | null, body: string, contentType = 'application/json') {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (userId) {
      const session = await startSession(userId, 'credentials');
      const token = await encode({ token: { uid: userId, sid: session.id, role: 'ADMIN', sub: userId }, secret: env().NEXTAUTH_SECRET });
      headers.cookie = `next-auth.session-token=${token}`;
    }
    const req = new NextRequest('http://127.0.0.1/api/x/abc', { method: 'POST', headers, body });
    return handler(req, { params: Promise.resolve({ id: 'abc' }) });
  }

  it('runs the handler with the role from the database, not from the token', async () => {
    const officer = await makeUser('OFFICER');
    const res = await call(officer.id, '{"n":1}');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 1, role: 'OFFICER', id: 'abc' });
  });

  it('refuses no session, a disabled or demoted user, bad JSON and invalid input', async () => {
    const user = await makeUser('OFFICER');
    expect((await call(null, '{"n":1}')).status).toBe(401);
    await db().user.update({ where: { id: user.id }, data: { role: 'AUDITOR' } });
    const demoted = await call(user.id, '{"n":1}');
    expect(demoted.status).toBe(403);
    expect(await demoted.json()).toEqual({ error: { code: 'forbidden', message: 'Your role does not allow this' } });
    await db().user.update({ where: { id: user.id }, data: { role: 'OFFICER', disabled: true } });
    expect((await call(user.id, '{"n":1}')).status).toBe(401);
    await db().user.update({ where: { id: user.id }, data: { disabled: false } });
    expect((await call(user.id, '{"n":')).status).toBe(400);
    expect((await call(user.id, 'n=1', 'application/x-www-form-urlencoded')).status).toBe(400);
    const invalid = await call(user.id, '{"n":"one"}');
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details[0].path).toBe('n');
  });
});
