// Next 16 proxy (formerly middleware): the first gate. Signed-out page visits go to /signin,
// signed-out API calls get a 401; pages outside the token's role go to the role's first page. It only reads the
// session token — every route handler and page re-checks the session, user and role in the database.
// Every answer gets the security headers (CSP with a per-request nonce that Next applies to its own
// scripts, HSTS over TLS, no-store); see lib/http/security-headers.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { canVisit, homePath } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/telemetry/request-context';
import { applySecurityHeaders, contentSecurityPolicy, servedOverTls } from '@/lib/http/security-headers';

/**
 * Reachable signed out: the sign-in page, next-auth itself, health probes, vendor webhooks (own auth),
 * the audit signing PUBLIC keys (they cannot sign; outside auditors fetch them without an account) and
 * the metrics endpoint (its handler demands an admin session or the METRICS_TOKEN bearer itself).
 */
const PUBLIC_PREFIXES = ['/signin', '/api/auth', '/api/health', '/api/webhooks', '/api/audit/keys', '/api/metrics'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

async function gate(req: NextRequest, forward: Headers): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next({ request: { headers: forward } });
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.uid) {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to continue' } }, { status: 401 });
    }
    const signin = new URL('/signin', req.url);
    signin.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signin);
  }
  if (!pathname.startsWith('/api/') && !canVisit(token.role, pathname)) {
    return NextResponse.redirect(new URL(token.role ? homePath(token.role) : '/', req.url));
  }
  return NextResponse.next({ request: { headers: forward } });
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https = servedOverTls(req);
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === 'development' });
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const forward = new Headers(req.headers);
  forward.set('Content-Security-Policy', csp);
  forward.set('x-nonce', nonce);
  // One id per request, echoed to the caller and carried into logs and audit entries (lib/telemetry/request-context.ts).
  const requestId = requestIdFrom(req.headers);
  forward.set(REQUEST_ID_HEADER, requestId);
  const response = await gate(req, forward);
  applySecurityHeaders(response.headers, csp, { https, pathname: req.nextUrl.pathname });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything except Next's static assets and the favicon.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
