/**
 * The process logger: pino JSON lines on stdout. Level from LOG_LEVEL (validated in config.ts);
 * credentials and authorization headers are redacted wherever they appear.
 */
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'cleanrooms-graphql-gateway' },
  redact: {
    paths: [
      'req.headers.authorization',
      'headers.authorization',
      '*.secretAccessKey',
      '*.sessionToken',
      'credentials',
    ],
    censor: '[redacted]',
  },
});

export type Logger = pino.Logger;
