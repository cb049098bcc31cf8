// Cross-site request refusal for state-changing console calls: a browser names the page's origin in
// Origin (and Sec-Fetch-Site); anything but this console is refused. Clients that send neither (scripts,
// curl) are no cross-site threat: a browser cannot be made to omit both on a POST.
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownOrigins(req: Request): Set<string> {
  const origins = new Set<string>([new URL(req.url).origin]);
  const host = req.headers.get('host');
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? new URL(req.url).protocol.replace(':', '');
  if (host) origins.add(`${proto}://${host}`);
  const configured = env().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}

export function checkRequestOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (origin !== null && !ownOrigins(req).has(origin)) throw new AppError('forbidden', 'Cross-origin request refused');
  const site = req.headers.get('sec-fetch-site');
  if (origin === null && site !== null && site !== 'same-origin' && site !== 'none')
    throw new AppError('forbidden', 'Cross-site request refused');
}
