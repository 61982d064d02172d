/**
 * Every HTTP request gets an id: the caller's `x-request-id` when it is a sane token (a router's
 * or load balancer's id keeps the trace), otherwise a new UUID. It is echoed in the response and
 * carried by every log line of the request.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
};

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId);
}
