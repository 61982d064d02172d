/**
 * The per-request context: request id, the request's logger, the AWS call scheduler (concurrency
 * bound and call budget), and fresh loaders. Built for every GraphQL request and never shared, so
 * no data of one request can leak into another and any replica can serve any request.
 */
import { randomUUID } from 'node:crypto';
import type { CleanRoomsClient } from './clean-rooms/client';
import { CollaborationRepository } from './clean-rooms/collaboration.repository';
import { MembershipRepository } from './clean-rooms/membership.repository';
import { UpstreamScheduler } from './clean-rooms/upstream';
import {
  createCollaborationLoaders,
  type CollaborationLoaders,
} from './collaborations/collaboration.loader';
import { createMembershipLoaders, type MembershipLoaders } from './memberships/membership.loader';
import { membershipWriteEffects } from './relations/write-effects';
import type { Logger } from './shared/logger';

export interface GatewayContext {
  requestId: string;
  /** Logger whose every line carries the request id. */
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
}

export function createContext(
  deps: ContextDependencies,
  requestId: string = randomUUID(),
): GatewayContext {
  const log = deps.logger.child({ requestId });
  const scheduler = new UpstreamScheduler(
    deps.upstreamConcurrency,
    deps.maxUpstreamCalls,
    (awsOperation, durationMs, ok) =>
      log.debug({ awsOperation, durationMs: Math.round(durationMs), ok }, 'AWS call'),
  );
  const upstream = { client: deps.client, scheduler };
  const collaborations = createCollaborationLoaders(new CollaborationRepository(upstream));
  const memberships = createMembershipLoaders(
    new MembershipRepository(upstream),
    membershipWriteEffects(collaborations),
  );
  return { requestId, log, scheduler, memberships, collaborations };
}
