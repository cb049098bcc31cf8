// The guard every console route handler goes through: session → user re-read from the database →
// role check → input validation (query for GET/DELETE, JSON body otherwise) → handler → one error mapper.
import type { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import type { z } from 'zod';
import { loadUserFromToken, type TSessionUser } from '@/lib/auth/load-session-user';
import type { TRole } from '@/lib/auth/types';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { queryObjectFromParams } from '@/lib/http/query-object';

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

async function readInput(req: NextRequest, schema: z.ZodType | null): Promise<unknown> {
  if (!schema) return undefined;
  if (!BODY_METHODS.has(req.method)) return schema.parse(queryObjectFromParams(req.nextUrl.searchParams));
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight we never grant.
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('bad_request', 'Expected a JSON body (Content-Type: application/json)');
  }
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
  return schema.parse(raw);
}

async function authenticate(req: NextRequest, roles: TRole[]): Promise<TSessionUser> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const user = await loadUserFromToken(token);
  if (!user) throw new AppError('unauthorized', 'Sign in to continue');
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this');
  return user;
}

function stringParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function withRole<S extends z.ZodType | null>(
  roles: TRole | TRole[],
  schema: S,
  handler: (args: TRoleHandlerArgs<S>) => Promise<Response>,
) {
  const allowed = Array.isArray(roles) ? roles : [roles];
  return async (req: NextRequest, ctx: TRouteContext): Promise<Response> => {
    try {
      const user = await authenticate(req, allowed);
      const input = (await readInput(req, schema)) as TInput<S>;
      const params = stringParams((await ctx?.params) ?? {});
      return await handler({ req, user, input, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
