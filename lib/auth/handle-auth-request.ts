// Everything next-auth serves under /api/auth, wrapped so that: each request knows its client (address,
// user agent) for the audit trail; a throttled sign-in is answered 429 before any password is checked;
// a sign-out ends the server-side session (not just the cookie) and is audited.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { auditThrottledSignIn } from '@/lib/auth/audit-throttled-sign-in';
import { normalizeEmail } from '@/lib/auth/authorize-credentials';
import { authOptions } from '@/lib/auth/options';
import { signOutSession } from '@/lib/auth/sign-out-session';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';
import { errorResponse } from '@/lib/http/error-response';
import { clientInfo, clientInfoFromHeaders, runWithClientInfo } from '@/lib/telemetry/request-context';

type TContext = { params: Promise<{ nextauth: string[] }> };
type TNextAuthHandler = (req: NextRequest, ctx: TContext) => Promise<Response>;

async function throttled(req: NextRequest): Promise<Response | null> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = normalizeEmail(String(form?.get('email') ?? ''));
  const { seconds } = await signInThrottle.retryAfter(email, clientInfo().ip);
  if (seconds === 0) return null;
  await auditThrottledSignIn(email);
  // `url` is what next-auth's client reads the outcome from (it reports error=throttled to the form).
  const url = new URL('/signin?error=throttled', req.nextUrl.origin).toString();
  const body = { error: { code: 'rate_limited', message: 'Too many failed sign-in attempts; try again later' }, url };
  return Response.json(body, { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } });
}

export async function handleAuthRequest(req: NextRequest, ctx: TContext): Promise<Response> {
  return runWithClientInfo(clientInfoFromHeaders(req.headers), async () => {
    try {
      const action = (await ctx.params).nextauth.join('/');
      if (req.method === 'POST' && action === 'callback/credentials') {
        const refusal = await throttled(req);
        if (refusal) return refusal;
      }
      if (req.method === 'POST' && action === 'signout') await signOutSession(req);
      // Options are built per request so `next build` never needs runtime secrets.
      return await (NextAuth(authOptions()) as TNextAuthHandler)(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  });
}
