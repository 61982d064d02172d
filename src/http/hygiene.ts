/**
 * Browser-facing HTTP hygiene: security headers (helmet) on every answer — a strict Content
 * Security Policy in production, where the gateway serves only JSON; none in development, where
 * the explorer pages load their scripts — and CORS only for the origins listed in CORS_ORIGINS
 * (none by default: no cross-origin browser access at all).
 */
import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../config';
import type { RawMiddleware } from './graphql-endpoint';

/** Security headers, then CORS when configured: for the Express routes and the GraphQL endpoint. */
export function hygiene(config: Pick<Config, 'production' | 'corsOrigins'>): RawMiddleware[] {
  const middleware: RawMiddleware[] = [
    helmet({
      contentSecurityPolicy: config.production
        ? { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
        : false,
      crossOriginEmbedderPolicy: false,
    }),
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
