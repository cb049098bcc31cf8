// Who is on the other end of the current request (client address and user agent) and which request it is
// (x-request-id), carried through async calls so audit entries written deep in lib/ and every log line can
// name them without threading a parameter.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** requestId is present inside a request only (entries written elsewhere keep their exact shape). */
export type TClientInfo = { ip: string | null; userAgent: string | null; requestId?: string };

export const REQUEST_ID_HEADER = 'x-request-id';
// A caller's (or proxy's) id is kept when it is a plain token; anything else is replaced, never logged.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the incoming x-request-id when well-formed, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}

const storage = new AsyncLocalStorage<TClientInfo>();

/**
 * The client address: the LAST X-Forwarded-For hop is the one our own server or the proxy in front of
 * it appended; earlier hops are whatever the client claimed and must not key a rate limit.
 */
export function clientInfoFromHeaders(headers: Headers): TClientInfo {
  const forwarded = headers.get('x-forwarded-for');
  const hops = forwarded
    ? forwarded
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean)
    : [];
  const ip = hops.at(-1) ?? headers.get('x-real-ip') ?? null;
  const userAgent = headers.get('user-agent');
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: userAgent ? userAgent.slice(0, 300) : null, requestId: requestIdFrom(headers) };
}

export function runWithClientInfo<T>(info: TClientInfo, fn: () => T): T {
  return storage.run(info, fn);
}

/** The current request's client, or nulls outside a request (workers, scripts). */
export function clientInfo(): TClientInfo {
  return storage.getStore() ?? { ip: null, userAgent: null };
}

/** The current request's id, or null outside a request. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
