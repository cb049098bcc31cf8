// Everything next-auth serves under /api/auth, wrapped so that: each request knows its client (address,
// user agent) for the audit trail; a throttled sign-in is answered 429 before any password is checked;
// a sign-out ends the server-side session (not just the cookie) and is audited.
import NextAuth from 'next-auth';
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { normalizeEmail } from '@/lib/auth/authorize-credentials';
import { authOptions } from '@/lib/auth/options';
import { revokeSessions } from '@/lib/auth/revoke-sessions';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { clientInfo, clientInfoFromHeaders, runWithClientInfo } from '@/lib/http/request-context';

type TContext = { params: Promise<{ nextauth: string[] }> };
type TNextAuthHandler = (req: NextRequest, ctx: TContext) => Promise<Response>;

async function throttled(req: NextRequest): Promise<Response | null> {
  const form = await req.clone().formData().catch(() => null);
  const email = normalizeEmail(String(form?.get('email') ?? ''));
  const { seconds } = await signInThrottle.retryAfter(email, clientInfo().ip);
  if (seconds === 0) return null;
  const response = errorResponse(new AppError('rate_limited', 'Too many failed sign-in attempts; try again later'));
  response.headers.set('Retry-After', String(seconds));
  return response;
}

async function endSession(req: NextRequest): Promise<void> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.sid || !token.uid) return;
  const revoked = await revokeSessions({ sessionId: token.sid }, 'sign_out');
  if (revoked === 0) return;
  await appendAuditEntry({ actorType: 'user', actorId: token.uid, action: 'auth.sign_out', subjectType: 'user', subjectId: token.uid, details: { sessionId: token.sid, ...clientInfo() } });
}

export async function handleAuthRequest(req: NextRequest, ctx: TContext): Promise<Response> {
  return runWithClientInfo(clientInfoFromHeaders(req.headers), async () => {
    try {
      const action = (await ctx.params).nextauth.join('/');
      if (req.method === 'POST' && action === 'callback/credentials') {
        const refusal = await throttled(req);
        if (refusal) return refusal;
      }
      if (req.method === 'POST' && action === 'signout') await endSession(req);
      // Options are built per request so `next build` never needs runtime secrets.
      return await (NextAuth(authOptions()) as TNextAuthHandler)(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  });
}
