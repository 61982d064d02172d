/**
 * The process logger: pino JSON lines on stdout. Its level is applied from the validated
 * configuration at start (config.ts names a bad LOG_LEVEL); until then an unknown value falls
 * back to `info` instead of crashing inside pino before validation can report it. Credentials
 * and authorization headers are redacted wherever they appear.
 */
import pino from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string | undefined): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? '');
}

const initial = process.env.LOG_LEVEL;

export const logger = pino({
  level: isLogLevel(initial) ? initial : 'info',
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
