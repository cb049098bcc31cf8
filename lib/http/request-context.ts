// Who is on the other end of the current request (client address and user agent), carried through
// async calls so audit entries written deep in lib/ can name them without threading a parameter.
import { AsyncLocalStorage } from 'node:async_hooks';

export type TClientInfo = { ip: string | null; userAgent: string | null };

const storage = new AsyncLocalStorage<TClientInfo>();

/**
 * The client address: the LAST X-Forwarded-For hop is the one our own server or the proxy in front of
 * it appended; earlier hops are whatever the client claimed and must not key a rate limit.
 */
export function clientInfoFromHeaders(headers: Headers): TClientInfo {
  const forwarded = headers.get('x-forwarded-for');
  const hops = forwarded ? forwarded.split(',').map((h) => h.trim()).filter(Boolean) : [];
  const ip = hops.at(-1) ?? headers.get('x-real-ip') ?? null;
  const userAgent = headers.get('user-agent');
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: userAgent ? userAgent.slice(0, 300) : null };
}

export function runWithClientInfo<T>(info: TClientInfo, fn: () => T): T {
  return storage.run(info, fn);
}

/** The current request's client, or nulls outside a request (workers, scripts). */
export function clientInfo(): TClientInfo {
  return storage.getStore() ?? { ip: null, userAgent: null };
}
