/**
 * GraphQL ⇄ domain for collaborations: the create input becomes a repository request; ids
 * become GraphQL nodes backed by the request's collaboration store.
 */
import type { CreateCollaborationRequest } from '../clean-rooms/types';
import { tagMap } from '../shared/common.inputs';
import { entityNode } from '../shared/entity-store';
import { plain } from '../shared/plain';
import type { CreateCollaborationInput } from './collaboration.inputs';
import type { CollaborationsContext } from './collaboration.loader';
import { COLLABORATION_FIELDS, type CollaborationNode } from './collaboration.type';

export function toCreateCollaborationRequest(
  input: CreateCollaborationInput,
): CreateCollaborationRequest {
  const { tags, ...rest } = plain(input);
  return { ...rest, tags: tagMap(tags) };
}

export function collaborationNode(ctx: CollaborationsContext, id: string): CollaborationNode {
  return entityNode(ctx.collaborations.store, id, COLLABORATION_FIELDS);
}
