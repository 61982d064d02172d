/**
 * From an HTTP request to the GraphQL context, before the operation is even parsed: who calls
 * (authentication: a bad token is HTTP 401), whether the caller is within its per-minute limit
 * (HTTP 429 THROTTLED with Retry-After), then the fresh per-request context. A refused request
 * costs nothing else — no parsing, no AWS call.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  AuthenticationFailed,
  unauthenticatedError,
  type Authenticator,
} from './auth/authenticator';
import type { CleanRoomsBackend } from './backend';
import type { Config } from './config';
import { createContext, type GatewayContext } from './context';
import type { Fleet } from './fleet';
import type { EndpointRequest } from './http/graphql-endpoint';
import type { Logger } from './shared/logger';
import type { GatewayMetrics } from './shared/metrics';

export interface RequestContextDependencies {
  config: Config;
  backend: CleanRoomsBackend;
  fleet: Fleet;
  authenticator: Authenticator;
  metrics: GatewayMetrics;
  logger: Logger;
}

/** `apollographql-client-name` as a log field: a short printable name, or nothing. */
function clientNameOf(header: string | undefined): string | undefined {
  return header && /^[\x20-\x7e]{1,64}$/.test(header) ? header : undefined;
}

function throttled(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Too many requests: the limit is per caller and minute; retry in ${retryAfterSeconds} s`,
    {
      extensions: {
        code: 'THROTTLED',
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

export function requestContext(deps: RequestContextDependencies) {
  const { config, backend, fleet, authenticator, metrics, logger } = deps;
  return async (req: EndpointRequest): Promise<GatewayContext> => {
    const { requestId } = req;
    const clientName = clientNameOf(req.header('apollographql-client-name'));
    let principal;
    try {
      principal = await authenticator.authenticate(req.header('authorization'), clientName);
    } catch (error) {
      if (!(error instanceof AuthenticationFailed)) throw error;
      metrics.authFailure(error.reason);
      logger.info({ requestId, clientName, reason: error.reason }, 'request not authenticated');
      throw unauthenticatedError(error);
    }
    if (fleet.callerLimits) {
      // The token's subject when there is one, else the client address (TRUST_PROXY decides
      // whether a load balancer's X-Forwarded-For names it).
      const caller = principal.subject ? `sub:${principal.subject}` : `ip:${req.ip ?? 'unknown'}`;
      const decision = await fleet.callerLimits.check(caller);
      if (!decision.allowed) {
        metrics.callerLimited();
        logger.info({ requestId, clientName, subject: principal.subject }, 'caller over its limit');
        throw throttled(decision.retryAfterSeconds);
      }
    }
    return createContext(
      {
        client: backend.client,
        logger,
        upstreamConcurrency: config.upstreamConcurrency,
        maxUpstreamCalls: config.maxUpstreamCalls,
        metrics,
        cache: fleet.cache,
        maxWaitMs: config.fleet.upstreamQueueTimeoutMs,
      },
      requestId,
      principal,
    );
  };
}
