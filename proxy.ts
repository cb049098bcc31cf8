// Next 16 proxy (formerly middleware): the first gate. Signed-out page visits go to /signin,
// signed-out API calls get a 401; pages outside the token's role go home. It only reads the
// session token — every route handler and page re-checks the user and role in the database.
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { canVisit } from '@/lib/auth/permissions';
import { env } from '@/lib/env';

/**
 * Reachable signed out: the sign-in page, next-auth itself, health probes, vendor webhooks (own auth) and
 * the audit signing PUBLIC keys (they cannot sign; outside auditors fetch them without an account).
 */
const PUBLIC_PREFIXES = ['/signin', '/api/auth', '/api/health', '/api/webhooks', '/api/audit/keys'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
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
    return NextResponse.redirect(new URL('/', req.url));
  }
  return NextResponse.next();
}

export const config = {
  // Everything except Next's static assets and the favicon.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
