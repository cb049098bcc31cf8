// The shared error mapper, plus Retry-After on 503 so vendors back off and redeliver instead of giving up.
import { AppError } from '@/lib/http/app-error';
import { errorResponse } from '@/lib/http/error-response';

export const WEBHOOK_RETRY_AFTER_SECONDS = 30;

export function webhookErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  if (error instanceof AppError && error.code === 'unavailable') {
    response.headers.set('Retry-After', String(WEBHOOK_RETRY_AFTER_SECONDS));
  }
  return response;
}
