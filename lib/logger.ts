// Structured logs. Secrets and customer identifiers never go into log fields (redacted by path as a backstop).
import pino from 'pino';
import { envValue } from '@/lib/env';

export const logger = pino({
  level: envValue('LOG_LEVEL'),
  base: { service: envValue('CALLVAULT_SERVICE') },
  redact: {
    paths: ['*.password', '*.secret', '*.token', '*.accessToken', '*.authorization', 'headers.authorization', '*.identifier', '*.mediaUri'],
    censor: '[redacted]',
  },
});
