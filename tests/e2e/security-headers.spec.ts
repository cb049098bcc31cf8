// The hardened edge as a browser sees it: CSP with a per-request nonce on every page (and Next's own
// scripts carrying it, so the console still runs), frame-ancestors 'none', Permissions-Policy, COOP,
// no-store on pages and APIs, HSTS only when the request came over TLS; and a sign-out that kills the cookie.
import { expect, test } from './fixtures';

function cspOf(headers: Record<string, string>): Map<string, string> {
  return new Map((headers['content-security-policy'] ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d]));
}

test('pages and APIs carry the security headers; the nonce changes per request and Next uses it', async ({ page, signInAs }) => {
  await signInAs('OFFICER');
  const first = await page.goto('/recordings');
  const headers = first!.headers();
  const csp = cspOf(headers);
  expect(csp.get('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(csp.get('object-src')).toBe("object-src 'none'");
  expect(csp.get('script-src')).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp.get('script-src')).not.toContain('unsafe-inline');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['strict-transport-security']).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp.get('script-src')!)![1]!;
  // Every script Next rendered carries this request's nonce, and the page is interactive (React ran).
  const scriptNonces = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  await expect(page.getByRole('search', { name: 'Archive search' })).toBeVisible();
  const second = cspOf((await page.request.get('/recordings')).headers());
  expect(second.get('script-src')).not.toContain(nonce);

  const api = await page.request.get('/api/recordings');
  expect(api.headers()['cache-control']).toBe('no-store');
  expect(cspOf(api.headers()).get('frame-ancestors')).toBe("frame-ancestors 'none'");
});

test('HSTS is sent when a TLS-terminating proxy says the request came over https', async ({ page }) => {
  const res = await page.request.get('/signin', { headers: { 'x-forwarded-proto': 'https' } });
  expect(res.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
});

test('after sign-out the old session cookie no longer works', async ({ page, signInAs }) => {
  await signInAs('OFFICER');
  const cookies = await page.context().cookies();
  expect((await page.request.get('/api/recordings')).status()).toBe(200);
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await page.request.post('/api/auth/signout', { form: { csrfToken, json: 'true' } });
  // Replay the cookie saved before signing out, as a thief holding a copy would.
  await page.context().addCookies(cookies);
  expect((await page.request.get('/api/recordings')).status()).toBe(401);
});
