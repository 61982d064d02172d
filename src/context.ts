/**
 * The per-request context: request id, logger, the AWS call scheduler (concurrency bound and
 * call budget), and fresh loaders. Built for every GraphQL request and never shared, so no data
 * of one request can leak into another and any replica can serve any request.
 */
import { randomUUID } from 'node:crypto';
import type { CleanRoomsClient } from './clean-rooms/client';
import { CollaborationRepository } from './clean-rooms/collaboration.repository';
import { MembershipRepository } from './clean-rooms/membership.repository';
import { UpstreamScheduler, type CallObserver } from './clean-rooms/upstream';
import {
  createCollaborationLoaders,
  type CollaborationLoaders,
} from './collaborations/collaboration.loader';
import type { Logger } from './logger';
import { createMembershipLoaders, type MembershipLoaders } from './memberships/membership.loader';

export interface GatewayContext {
  requestId: string;
  log: Logger;
  scheduler: UpstreamScheduler;
  memberships: MembershipLoaders;
  collaborations: CollaborationLoaders;
}

export interface ContextDependencies {
  client: CleanRoomsClient;
  logger: Logger;
  upstreamConcurrency: number;
  maxUpstreamCalls: number;
  observeCall?: CallObserver;
}

export function createContext(
  deps: ContextDependencies,
  requestId: string = randomUUID(),
): GatewayContext {
  const scheduler = new UpstreamScheduler(
    deps.upstreamConcurrency,
    deps.maxUpstreamCalls,
    deps.observeCall,
  );
  const upstream = { client: deps.client, scheduler };
  return {
    requestId,
    log: deps.logger.child({ requestId }),
    scheduler,
    memberships: createMembershipLoaders(new MembershipRepository(upstream)),
    collaborations: createCollaborationLoaders(new CollaborationRepository(upstream)),
  };
}
