// Structured logs. Secrets and customer identifiers never go into log fields (redacted by path as a backstop).
// Every line logged inside a traced span carries its traceId/spanId, and inside a console request its requestId.
import pino from 'pino';
import { envValue } from '@/lib/env';
import { currentRequestId } from '@/lib/telemetry/request-context';
import { currentSpanIds } from '@/lib/telemetry/current-trace-id';

function correlation(): Record<string, string> {
  const span = currentSpanIds();
  const requestId = currentRequestId();
  return { ...(span ?? {}), ...(requestId ? { requestId } : {}) };
}

export const logger = pino({
  level: envValue('LOG_LEVEL'),
  base: { service: envValue('CALLVAULT_SERVICE') },
  mixin: correlation,
  redact: {
    paths: ['*.password', '*.secret', '*.token', '*.accessToken', '*.authorization', 'headers.authorization', '*.identifier', '*.mediaUri'],
    censor: '[redacted]',
  },
});
