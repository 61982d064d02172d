/** `GET /metrics`: the Prometheus text exposition of the gateway's registry. */
import express, { type Router } from 'express';
import type { GatewayMetrics } from '../shared/metrics';

export function metricsRoutes(metrics: GatewayMetrics): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.contentType);
    res.send(await metrics.text());
  });
  return router;
}
