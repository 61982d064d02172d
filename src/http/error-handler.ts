/**
 * What the HTTP layer answers when a request never reaches GraphQL: an unknown path (404), a
 * malformed or oversized body (400, 413), an unsupported charset or encoding (415). Every answer
 * is a GraphQL-shaped error with the status's own reason phrase; only real bugs are a 500, logged
 * with the request id.
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../shared/logger';
import { requestIdOf } from './request-id';

const MESSAGES: Record<number, string> = {
  400: 'Malformed request body',
  413: 'Request body too large',
  415: 'Unsupported request body encoding or charset',
};

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not found' });
};

/** A status and a JSON body, written by either HTTP path. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** The answer to an error thrown before GraphQL (body parsing) or by a route. */
export function httpErrorAnswer(error: unknown, logger: Logger, requestId: string): HttpAnswer {
  const { status: given } = (error ?? {}) as { status?: unknown };
  const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
  if (status === 500) logger.error({ err: error, requestId }, 'unexpected HTTP error');
  const message = Object.hasOwn(MESSAGES, status)
    ? (MESSAGES[status] as string)
    : (STATUS_CODES[status] ?? 'Error');
  return {
    status,
    body: {
      errors: [
        {
          message: status === 500 ? 'Internal server error' : message,
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
        },
      ],
    },
  };
}

export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const answer = httpErrorAnswer(error, logger, requestIdOf(res));
    res.status(answer.status).json(answer.body);
  };
}
