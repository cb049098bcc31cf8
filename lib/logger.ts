// Structured logs. Secrets and customer identifiers never go into log fields (redacted by path as a backstop).
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.CALLVAULT_SERVICE ?? 'callvault' },
  redact: {
    paths: ['*.password', '*.secret', '*.token', '*.accessToken', '*.authorization', 'headers.authorization', '*.identifier', '*.mediaUri'],
    censor: '[redacted]',
  },
});
