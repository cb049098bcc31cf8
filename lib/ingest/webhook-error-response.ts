// The shared error mapper, plus Retry-After on 503 so vendors back off and redeliver instead of giving up.
// Authentication failures all get ONE answer — the same 401 body for a bad or missing token, a bad or stale
// signature and an account that does not exist — so a caller learns nothing about which part was wrong or
// which account ids exist; the precise reason goes to the server log only.
import { AppError } from '@/lib/http/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { logger } from '@/lib/logger';

export const WEBHOOK_RETRY_AFTER_SECONDS = 30;
export const WEBHOOK_UNAUTHORIZED_BODY = { error: { code: 'unauthorized', message: 'Webhook authentication failed' } } as const;

function isAuthFailure(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'unauthorized' || error.code === 'not_found');
}

export function webhookErrorResponse(error: unknown): Response {
  if (isAuthFailure(error)) {
    logger.warn({ reason: error.message }, 'webhook authentication failed');
    return Response.json(WEBHOOK_UNAUTHORIZED_BODY, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const response = errorResponse(error);
  if (error instanceof AppError && error.code === 'unavailable') {
    response.headers.set('Retry-After', String(WEBHOOK_RETRY_AFTER_SECONDS));
  }
  return response;
}
