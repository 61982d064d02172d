/**
 * Every HTTP request gets an id: the caller's `x-request-id` when it is a sane token (a router's
 * or load balancer's id keeps the trace), otherwise a new UUID. It is echoed in the response and
 * carried by every log line of the request. Connect-style, so the Express routes and the
 * GraphQL endpoint on plain node:http share it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const ids = new WeakMap<ServerResponse, string>();

export function requestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  ids.set(res, id);
  res.setHeader('x-request-id', id);
  next();
}

export function requestIdOf(res: ServerResponse): string {
  return ids.get(res) ?? 'unknown';
}
