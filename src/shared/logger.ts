/**
 * The process logger: pino JSON lines on stdout, or pino-pretty's readable lines when stdout is
 * a terminal outside production (a developer reading `npm start`). Its level is applied from the
 * validated configuration at start (config.ts names a bad LOG_LEVEL); until then an unknown
 * value falls back to `info` instead of crashing inside pino before validation can report it.
 * Credentials and authorization headers are redacted wherever they appear.
 */
import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string | undefined): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? '');
}

const initial = process.env.LOG_LEVEL;

/** A person reads the logs: stdout is a terminal, and this is not production. Pipes get JSON. */
export function wantsPrettyLogs(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
): boolean {
  return stdout.isTTY === true && env.NODE_ENV !== 'production';
}

/**
 * pino-pretty writing synchronously to stdout (so the last lines before `process.exit` are not
 * lost), when wanted and installed: it is a dev dependency, loaded only here, so an install
 * without dev dependencies keeps JSON lines.
 */
function prettyDestination(): pino.DestinationStream | undefined {
  if (!wantsPrettyLogs()) return undefined;
  let pretty: typeof PinoPretty;
  try {
    pretty = createRequire(__filename)('pino-pretty') as typeof PinoPretty;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'service' });
}

export const logger = pino(
  {
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
  },
  prettyDestination() ??
    // JSON lines: asynchronous writes, so a busy replica coalesces the lines of concurrent
    // operations into one write instead of one blocking write(2) per line (the per-operation
    // line was 6% of a cheap query's CPU). pino flushes it synchronously on exit.
    pino.destination({ dest: 1, sync: false }),
);

export type Logger = pino.Logger;
