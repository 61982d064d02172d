/**
 * The embedded emulator's admin endpoints (`/_emulator/*`: stats, reset, faults, quotas) on the
 * gateway's port, outside production. The request goes to the emulator as it arrived — method,
 * raw path and query, headers, raw body — so the emulator's own rules (JSON bodies only, no
 * cross-site browser requests) apply here exactly as on the standalone emulator.
 */
import express, { type Router } from 'express';

/** The transport-neutral request/response pair the emulator answers (see emulator/protocol.ts). */
export interface AdminRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface AdminResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface AdminEndpoints {
  handle(request: AdminRequest): Promise<AdminResponse>;
}

export function adminRoutes(prefix: string, endpoints: AdminEndpoints): Router {
  const router = express.Router();
  router.all(
    [prefix, `${prefix}/*path`],
    express.raw({ type: () => true, limit: '1mb' }),
    async (req, res) => {
      const q = req.originalUrl.indexOf('?');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const reply = await endpoints.handle({
        method: req.method,
        path: q < 0 ? req.originalUrl : req.originalUrl.slice(0, q),
        query: q < 0 ? '' : req.originalUrl.slice(q + 1),
        headers,
        body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      res.status(reply.statusCode).set(reply.headers).send(reply.body);
    },
  );
  return router;
}
