/**
 * `GET /health/live` (the process runs) and `GET /health/ready` (the backend answers, checked by
 * one cached real call; 503 with the AWS error type when it does not, while the JWT signing keys
 * cannot be fetched, and while draining; a throttled probe is still ready, with `throttled`).
 */
import express, { type Router } from 'express';
import type { Readiness } from '../clean-rooms/readiness';

export interface HealthOptions {
  backend: string;
  backendReady: () => Promise<Readiness>;
  /** False while tokens cannot be verified (the JWT signing keys were never fetched). */
  authReady: () => boolean;
  /** Shared services the replica serves without (`redis`): still ready, but degraded. */
  degraded?: () => string[];
  isDraining: () => boolean;
}

export function healthRoutes(options: HealthOptions): Router {
  const router = express.Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    if (options.isDraining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    if (!options.authReady()) {
      res.status(503).json({ status: 'unavailable', reason: 'JWT signing keys unavailable' });
      return;
    }
    const readiness = await options.backendReady();
    if (!readiness.ready) {
      res
        .status(503)
        .json({ status: 'unavailable', backend: options.backend, reason: readiness.reason });
      return;
    }
    const degraded = options.degraded?.() ?? [];
    res.json({
      status: 'ok',
      backend: options.backend,
      ...(readiness.throttled ? { throttled: true } : {}),
      ...(degraded.length > 0 ? { degraded } : {}),
    });
  });
  return router;
}
