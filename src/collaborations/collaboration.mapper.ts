/**
 * GraphQL ⇄ domain for collaborations: the create input becomes a repository request; ids
 * become GraphQL nodes backed by the request's collaboration store.
 */
import type { CreateCollaborationRequest } from '../clean-rooms/types';
import type { GatewayContext } from '../context';
import { tagMap } from '../shared/common.inputs';
import { entityNode } from '../shared/entity-store';
import { plain } from '../shared/plain';
import type { CreateCollaborationInput } from './collaboration.inputs';
import { COLLABORATION_FIELDS, type Collaboration } from './collaboration.type';

export function toCreateCollaborationRequest(
  input: CreateCollaborationInput,
): CreateCollaborationRequest {
  const { tags, ...rest } = plain(input);
  return { ...rest, tags: tagMap(tags) };
}

export function collaborationNode(ctx: GatewayContext, id: string): Collaboration {
  return entityNode(ctx.collaborations.store, id, COLLABORATION_FIELDS) as unknown as Collaboration;
}
