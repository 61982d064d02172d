/**
 * The per-request context: request id, the request's logger, the AWS call scheduler (concurrency
 * bound and call budget), and fresh loaders. Built for every GraphQL request and never shared, so
 * no data of one request can leak into another and any replica can serve any request.
 */
import { randomUUID } from 'node:crypto';
import type { CleanRoomsClient } from './clean-rooms/client';
import { CollaborationRepository } from './clean-rooms/collaboration.repository';
import { MembershipRepository } from './clean-rooms/membership.repository';
import { TagRepository } from './clean-rooms/tag.repository';
import type { UpstreamContext } from './clean-rooms/call';
import type { ReadCache } from './clean-rooms/read-cache';
import { UpstreamScheduler } from './clean-rooms/upstream';
import {
  createCollaborationLoaders,
  type CollaborationLoaders,
} from './collaborations/collaboration.loader';
import { createMembershipLoaders, type MembershipLoaders } from './memberships/membership.loader';
import { collaborationWriteEffects, membershipWriteEffects } from './relations/write-effects';
import type { Logger } from './shared/logger';
import type { GatewayMetrics } from './shared/metrics';
import { unauthenticatedPrincipal, type Principal } from './shared/principal';

export interface GatewayContext {
  requestId: string;
  /** Who is calling (verified), checked by the access directives of the schema. */
  principal: Principal;
  /** Logger whose every line carries the request id, the subject and the client name. */
  log: Logger;
  scheduler: UpstreamScheduler;
  cost: OperationCost;
  memberships: MembershipLoaders;
  collaborations: CollaborationLoaders;
  /** Counts a refused field (access directives). */
  onAccessDenied?: (coordinate: string) => void;
}

export interface ContextDependencies {
  client: CleanRoomsClient;
  logger: Logger;
  upstreamConcurrency: number;
  maxUpstreamCalls: number;
  /** Where AWS calls and access denials are counted; optional (tests). */
  metrics?: GatewayMetrics;
  /** The shared read cache, when CACHE_TTL_SECONDS > 0. */
  cache?: ReadCache;
  /** Longest wait of one AWS call for the fleet's rate limiter. */
  maxWaitMs?: number;
}

/** What the cost plugin learns about the operation (see plugins/cost.plugin.ts). */
export interface OperationCost {
  /** The static upper bound of the operation's AWS calls, once computed. */
  estimatedAwsCalls?: number;
  /** Reads the shared cache answered instead of AWS. */
  cacheHits: number;
}

export function createContext(
  deps: ContextDependencies,
  requestId: string = randomUUID(),
  principal: Principal = unauthenticatedPrincipal(),
): GatewayContext {
  const log = deps.logger.child({
    requestId,
    ...(principal.subject ? { subject: principal.subject } : {}),
    ...(principal.clientName ? { clientName: principal.clientName } : {}),
  });
  const { metrics } = deps;
  const cost: OperationCost = { cacheHits: 0 };
  const scheduler = new UpstreamScheduler(deps.upstreamConcurrency, deps.maxUpstreamCalls);
  const upstream: UpstreamContext = {
    client: deps.client,
    scheduler,
    onCall: ({ operation, outcome, attempts, durationMs }) => {
      log.debug(
        { awsOperation: operation, outcome, attempts, durationMs: Math.round(durationMs) },
        'AWS call',
      );
      metrics?.awsCall(operation, outcome, attempts, durationMs / 1000);
    },
    onRetry: (operation, reason) => metrics?.retry(operation, reason),
    cache: deps.cache,
    onCacheHit: () => {
      cost.cacheHits++;
    },
    maxWaitMs: deps.maxWaitMs,
  };
  const tags = new TagRepository(upstream);
  const collaborations = createCollaborationLoaders(
    new CollaborationRepository(upstream),
    tags,
    collaborationWriteEffects(() => memberships),
  );
  const memberships = createMembershipLoaders(
    new MembershipRepository(upstream),
    tags,
    membershipWriteEffects(collaborations),
  );
  return {
    requestId,
    principal,
    log,
    scheduler,
    cost,
    memberships,
    collaborations,
    onAccessDenied: metrics ? (coordinate) => metrics.accessDenied(coordinate) : undefined,
  };
}
