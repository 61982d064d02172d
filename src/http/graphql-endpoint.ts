/**
 * The GraphQL endpoint's hot path: every POST to `/graphql` (or `/`) is served here on plain
 * node:http, as Apollo's own standalone server does, instead of through Express, whose router
 * and response helpers cost more than a cheap query itself (README "Performance" has the
 * profile). Everything else — GET (the landing page, GET queries), health, metrics, the
 * explorers, admin routes — stays on Express.
 *
 * The request gets what the Express path gives it, from the same middleware functions: the
 * request id, the drain header, the security headers and CORS, the JSON body parser with its
 * limit and its 400/413/415 answers, and the refusal of batches.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import express from 'express';
import proxyAddr from 'proxy-addr';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { httpErrorAnswer, type HttpAnswer } from './error-handler';
import { requestIdOf } from './request-id';

/** Connect-style middleware, usable on node:http and in Express alike. */
export type RawMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** What the context factory may know of the HTTP request, whichever path served it. */
export interface EndpointRequest {
  requestId: string;
  header(name: string): string | undefined;
  /** The client address, X-Forwarded-For honoured as TRUST_PROXY says. */
  ip: string | undefined;
}

export const GRAPHQL_PATHS = ['/', '/graphql'];

export const BATCH_REFUSAL: HttpAnswer = {
  status: 400,
  body: {
    errors: [
      {
        message:
          'Batched requests are not accepted: send one operation per HTTP request (batch limit 1)',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  },
};

/** Express's `trust proxy` semantics (a hop count, true/false, or addresses and subnets). */
export function clientAddress(
  trust: Config['fleet']['trustProxy'],
): (req: IncomingMessage) => string {
  const trusted =
    trust === true
      ? () => true
      : typeof trust === 'number'
        ? (_address: string, hop: number) => hop < trust
        : proxyAddr.compile(trust === false ? [] : trust);
  return (req) => proxyAddr(req, trusted);
}

/** True for a request this endpoint serves: a POST to one of the GraphQL paths. */
export function isGraphqlPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const query = req.url.indexOf('?');
  let path = (query === -1 ? req.url : req.url.slice(0, query)).toLowerCase();
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return GRAPHQL_PATHS.includes(path);
}

export interface GraphqlEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (request: EndpointRequest) => Promise<TContext>;
  /** Run first, in order: request id, drain header, security headers, CORS. */
  before: RawMiddleware[];
  trustProxy: Config['fleet']['trustProxy'];
  bodyLimit: string;
  onBatchRefused: () => void;
  logger: Logger;
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  res.statusCode = answer.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(answer.body));
}

export function graphqlEndpoint<TContext extends BaseContext>(
  options: GraphqlEndpointOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, logger } = options;
  const ipOf = clientAddress(options.trustProxy);
  const parseJson = express.json({ limit: options.bodyLimit }) as unknown as RawMiddleware;
  const chain = [...options.before, parseJson];

  const fail = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    send(res, httpErrorAnswer(error, logger, requestIdOf(res)));
  };

  const execute = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    if (Array.isArray(req.body)) {
      options.onBatchRefused();
      send(res, BATCH_REFUSAL);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url?.indexOf('?') ?? -1;
    const request: EndpointRequest = {
      requestId: requestIdOf(res),
      header: (name) => headers.get(name),
      ip: ipOf(req),
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: query === -1 ? '' : (req.url ?? '').slice(query),
        body: req.body,
      },
      context: () => options.context(request),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    let step = 0;
    const next = (error?: unknown): void => {
      if (error) {
        fail(res, error);
        return;
      }
      const middleware = chain[step++];
      if (middleware) {
        try {
          middleware(req, res, next);
        } catch (thrown) {
          fail(res, thrown);
        }
        return;
      }
      execute(req, res).catch((thrown: unknown) => fail(res, thrown));
    };
    next();
  };
}
