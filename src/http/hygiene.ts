/**
 * Browser-facing HTTP hygiene: security headers (helmet) on every answer — a strict Content
 * Security Policy in production, where the gateway serves only JSON; none in development, where
 * the explorer pages load their scripts — and CORS only for the origins listed in CORS_ORIGINS
 * (none by default: no cross-origin browser access at all).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../config';
import type { RawMiddleware } from './graphql-endpoint';

/**
 * helmet's headers depend only on its options: recorded once at start, then set on every answer
 * without running its dozen middleware functions per request.
 */
function recorded(middleware: RawMiddleware): RawMiddleware {
  const headers: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.push([name, String(value)]);
    },
    removeHeader: (name: string) => {
      removed.push(name);
    },
  };
  let failure: unknown;
  middleware(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => (failure = error),
  );
  if (failure) throw failure;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** Security headers, then CORS when configured: for the Express routes and the GraphQL endpoint. */
export function hygiene(config: Pick<Config, 'production' | 'corsOrigins'>): RawMiddleware[] {
  const middleware: RawMiddleware[] = [
    recorded(
      helmet({
        contentSecurityPolicy: config.production
          ? {
              useDefaults: false,
              directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
            }
          : false,
        crossOriginEmbedderPolicy: false,
      }),
    ),
  ];
  if (config.corsOrigins.length > 0) {
    middleware.push(
      cors({
        origin: config.corsOrigins,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: [
          'authorization',
          'content-type',
          'apollo-require-preflight',
          'apollographql-client-name',
          'apollographql-client-version',
          'x-request-id',
        ],
        exposedHeaders: ['x-request-id'],
        maxAge: 600,
      }),
    );
  }
  return middleware;
}
