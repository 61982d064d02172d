/**
 * Browser-facing HTTP hygiene: security headers (helmet) on every answer — a strict Content
 * Security Policy in production, where the gateway serves only JSON; none in development, where
 * the explorer pages load their scripts — and CORS only for the origins listed in CORS_ORIGINS
 * (none by default: no cross-origin browser access at all).
 */
import cors from 'cors';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

export function hygiene(config: Pick<Config, 'production' | 'corsOrigins'>): Router {
  const router = express.Router();
  router.use(
    helmet({
      contentSecurityPolicy: config.production
        ? { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
        : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  if (config.corsOrigins.length > 0) {
    router.use(
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
  return router;
}
