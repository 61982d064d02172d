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
import { unauthenticatedPrincipal, type Principal } from './shared/principal';

export interface GatewayContext {
  requestId: string;
  /** Who is calling (verified), checked by the access directives of the schema. */
  principal: Principal;
  /** Logger whose every line carries the request id, the subject and the client name. */
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
  principal: Principal = unauthenticatedPrincipal(),
): GatewayContext {
  const log = deps.logger.child({
    requestId,
    ...(principal.subject ? { subject: principal.subject } : {}),
    ...(principal.clientName ? { clientName: principal.clientName } : {}),
  });
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
  return { requestId, principal, log, scheduler, memberships, collaborations };
}
