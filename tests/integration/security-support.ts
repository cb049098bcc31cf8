// Helpers for the security tests: users with real server-side sessions, requests carrying their cookie
// (as a browser would send it), and recordings with a customer number and vendor payloads.
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { hashPassword } from '@/lib/auth/password';
import { startSession } from '@/lib/auth/start-session';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { idempotencyKey } from '@/lib/queue/contracts';

export const PASSWORD = 'Integration-Passphrase-42';
let passwordHash: Promise<string> | undefined;

export async function makeUser(role: TRole, extra: { regions?: string[]; passwordHash?: string } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `sec-${randomUUID().slice(0, 8)}@callvault.test`;
  return db().user.create({
    data: { email, name: `Sec ${role}`, role, regions: extra.regions ?? [], passwordHash: extra.passwordHash ?? (await passwordHash) },
  });
}

export async function sessionCookie(userId: string): Promise<{ cookie: string; sessionId: string }> {
  const session = await startSession(userId, 'credentials');
  const token = await encode({ token: { uid: userId, sid: session.id, sub: userId }, secret: env().NEXTAUTH_SECRET });
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.id };
}

export async function signedInAs(role: TRole, extra: { regions?: string[] } = {}) {
  const user = await makeUser(role, extra);
  const { cookie, sessionId } = await sessionCookie(user.id);
  return { user, cookie, sessionId };
}

export function apiRequest(
  path: string,
  init: { cookie?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): NextRequest {
  const headers: Record<string, string> = { 'user-agent': 'security-test', 'x-forwarded-for': '192.0.2.10', ...(init.headers ?? {}) };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  return new NextRequest(`http://127.0.0.1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

export const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

export const CUSTOMER = '+15551498897';

export async function makeRecording(tag: string, opts: { region?: string; customer?: string; payload?: unknown } = {}) {
  const id = randomUUID();
  const customer = opts.customer ?? CUSTOMER;
  const vendorRecordingId = `${tag}-${id.slice(0, 8)}`;
  await db().recording.create({
    data: {
      id,
      archiveId: `arch-${vendorRecordingId}`,
      vendorSource: 'GENESYS_CLOUD',
      vendorRecordingId,
      startTime: new Date(),
      status: 'ARCHIVED',
      dataResidencyRegion: opts.region ?? 'us',
      complianceTags: [tag],
      searchText: `${vendorRecordingId} agent-7 ${customer.replace(/\D/g, '')}`,
      participants: {
        create: [
          { position: 0, role: 'AGENT', identifier: 'agent-7', displayName: 'Agent Seven' },
          { position: 1, role: 'CUSTOMER', identifier: customer, displayName: null },
        ],
      },
      rawPayloads: opts.payload
        ? {
            create: {
              vendorSource: 'GENESYS_CLOUD',
              vendorRecordingId,
              kind: 'metadata',
              schemaVersion: 'genesys-recording/v2',
              payload: opts.payload as object,
              sha256: 'x'.repeat(64),
            },
          }
        : undefined,
    },
  });
  return { id, vendorRecordingId, auditKey: idempotencyKey('GENESYS_CLOUD', vendorRecordingId) };
}

/** Audit entries are chained by the sequencer: wait for it, then read the chain. */
export async function auditFor(actorId: string, action: string) {
  await flushAuditSequencer();
  return db().auditEntry.findMany({ where: { actorId, action }, orderBy: { sequence: 'asc' } });
}
