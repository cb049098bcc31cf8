// The headers every console response carries, set by proxy.ts (the static ones, which also cover Next's
// static assets, are in next.config.js):
//  - a Content-Security-Policy with a fresh nonce per request ('strict-dynamic': only scripts Next renders
//    with that nonce, and what they load, run), frame-ancestors 'none', no plugins, no foreign forms;
//  - HSTS when the request reached us over TLS (directly or through a TLS-terminating proxy);
//  - Cache-Control: no-store on pages and APIs, which carry customer data.
import { env } from '@/lib/env';

/** Origins the browser may fetch media from: the S3 endpoint playback URLs are signed for. */
function mediaOrigins(): string[] {
  const e = env();
  const endpoint = e.S3_PUBLIC_ENDPOINT ?? e.S3_ENDPOINT;
  return endpoint ? [new URL(endpoint).origin] : ['https://*.amazonaws.com'];
}

function formTargets(): string[] {
  const issuer = env().OIDC_ISSUER;
  return issuer ? [new URL(issuer).origin] : [];
}

export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev: boolean }): string {
  const media = mediaOrigins().join(' ');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    // React and the waveform set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `media-src 'self' blob: ${media}`,
    `connect-src 'self' ${media}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${formTargets().join(' ')}`.trim(),
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Over TLS when the URL says so or the TLS-terminating proxy in front of us does. */
export function servedOverTls(req: { nextUrl: URL; headers: Headers }): boolean {
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return req.nextUrl.protocol === 'https:' || forwarded === 'https';
}

export const HSTS = 'max-age=63072000; includeSubDomains';

export function applySecurityHeaders(headers: Headers, csp: string, opts: { https: boolean; pathname: string }): void {
  headers.set('Content-Security-Policy', csp);
  if (opts.https) headers.set('Strict-Transport-Security', HSTS);
  // Webhooks and health answer machines; everything else a person sees may hold customer data.
  if (!opts.pathname.startsWith('/api/health')) headers.set('Cache-Control', 'no-store');
}
