// The guard every console route handler goes through: client info for the audit trail → session (server-
// side, revocable) → user re-read from the database → role check (denials audited) → same-origin check for
// state-changing calls → input validation (query for GET/DELETE, exact JSON body otherwise) → handler →
// one error mapper. Answers carry Cache-Control: no-store (they hold customer data). Each request's duration
// and status are observed for /api/metrics.
import type { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import type { z } from 'zod';
import { loadUserFromToken, type TSessionUser } from '@/lib/auth/load-session-user';
import { recordAccess } from '@/lib/audit/record-access';
import type { TRole } from '@/lib/auth/types';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { checkRequestOrigin } from '@/lib/http/check-request-origin';
import { errorResponse } from '@/lib/http/error-response';
import { queryObjectFromParams } from '@/lib/http/query-object';
import { rejectNulBytes } from '@/lib/http/reject-nul-bytes';
import { observeHttpRequest } from '@/lib/metrics/console-metrics';
import { clientInfoFromHeaders, runWithClientInfo } from '@/lib/telemetry/request-context';

export type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type TInput<S> = S extends z.ZodType ? z.output<S> : undefined;

export type TRoleHandlerArgs<S> = {
  req: NextRequest;
  user: TSessionUser;
  /** The validated JSON body (POST/PUT/PATCH) or query (GET/DELETE). */
  input: TInput<S>;
  params: Record<string, string>;
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** application/json exactly (parameters such as charset allowed): not application/jsonp, not text/json. */
export function isJsonContentType(header: string | null): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

async function readInput(req: NextRequest, schema: z.ZodType | null): Promise<unknown> {
  if (!BODY_METHODS.has(req.method)) {
    const query = queryObjectFromParams(req.nextUrl.searchParams);
    rejectNulBytes(query, 'query string');
    return schema ? schema.parse(query) : undefined;
  }
  if (!schema) return undefined;
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight we never grant.
  if (!isJsonContentType(req.headers.get('content-type'))) {
    throw new AppError('bad_request', 'Expected a JSON body (Content-Type: application/json)');
  }
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
  rejectNulBytes(raw, 'request body');
  return schema.parse(raw);
}

async function authenticate(req: NextRequest): Promise<TSessionUser> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const user = await loadUserFromToken(token);
  if (!user) throw new AppError('unauthorized', 'Sign in to continue');
  return user;
}

function stringParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function auditDenial(req: NextRequest, user: TSessionUser | null, error: unknown): Promise<void> {
  if (!user || !(error instanceof AppError) || error.code !== 'forbidden') return;
  await recordAccess(
    user,
    'access.denied',
    { type: 'route', id: req.nextUrl.pathname },
    { method: req.method, role: user.role, reason: error.message },
  );
}

export function withRole<S extends z.ZodType | null>(
  roles: TRole | TRole[],
  schema: S,
  handler: (args: TRoleHandlerArgs<S>) => Promise<Response>,
) {
  const allowed = Array.isArray(roles) ? roles : [roles];
  return async (req: NextRequest, ctx: TRouteContext): Promise<Response> => {
    const startedAt = performance.now();
    const response = await runWithClientInfo(clientInfoFromHeaders(req.headers), async () => {
      let user: TSessionUser | null = null;
      try {
        user = await authenticate(req);
        if (!allowed.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this');
        checkRequestOrigin(req);
        const input = (await readInput(req, schema)) as TInput<S>;
        const params = stringParams((await ctx?.params) ?? {});
        const response = await handler({ req, user, input, params });
        if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
        return response;
      } catch (error) {
        await auditDenial(req, user, error).catch(() => undefined);
        const response = errorResponse(error);
        response.headers.set('Cache-Control', 'no-store');
        return response;
      }
    });
    observeHttpRequest(req.nextUrl.pathname, req.method, response.status, startedAt);
    return response;
  };
}
