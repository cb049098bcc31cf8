// The hardened edge as a browser sees it: CSP with a per-request nonce on every page (and Next's own
// scripts carrying it, so the console still runs), frame-ancestors 'none', Permissions-Policy, COOP,
// no-store on pages and APIs, HSTS only when the request came over TLS; and a sign-out that kills the cookie.
import { expect, test } from './fixtures';

function cspOf(headers: Record<string, string>): Map<string, string> {
  return new Map(
    (headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0]!, d]),
  );
}

test('pages and APIs carry the security headers; the nonce changes per request and Next uses it', async ({ page, signInAs }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
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
  // The page works under the policy: React ran (the form is interactive) and the browser reported no violation.
  await expect(page.getByRole('search', { name: 'Archive search' })).toBeVisible();
  await page.getByLabel('Free text').fill('abc');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=abc/);
  expect(violations).toEqual([]);
  // Every script in the server's HTML carries that response's nonce; a second response has another.
  const again = await page.request.get('/recordings');
  const againNonce = /'nonce-([^']+)'/.exec(cspOf(again.headers()).get('script-src')!)![1]!;
  expect(againNonce).not.toBe(nonce);
  const tags = (await again.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${againNonce}"`);

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
