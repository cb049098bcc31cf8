// Where to go after sign-in: only paths on this site (no open redirect to another origin).
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw) return '/';
  try {
    const base = 'http://callvault.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base || url.pathname.startsWith('/api/') || url.pathname === '/signin') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
