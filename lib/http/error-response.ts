// Maps any thrown value to `{ error: { code, message, details? } }` — and leaks nothing for the unexpected.
import { ZodError } from 'zod';
import { AppError } from '@/lib/http/app-error';
import { logger } from '@/lib/logger';

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return Response.json({ error: { code: 'unprocessable', message: 'Validation failed', details } }, { status: 422 });
  }
  if (isPrismaNotFound(error)) {
    return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  }
  logger.error({ err: error }, 'unhandled error in route handler');
  return Response.json({ error: { code: 'internal', message: 'Internal error' } }, { status: 500 });
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}

export function json(body: unknown, init?: ResponseInit): Response {
  return Response.json(body, init);
}
