/**
 * GraphQL ⇄ domain for collaborations: the create and update inputs become repository requests;
 * ids become GraphQL nodes backed by the request's collaboration store.
 */
import type { CreateCollaborationRequest, UpdateCollaborationRequest } from '../clean-rooms/types';
import { tagMap } from '../shared/common.inputs';
import { entityNode } from '../shared/entity-store';
import { plain } from '../shared/plain';
import type { CreateCollaborationInput, UpdateCollaborationInput } from './collaboration.inputs';
import type { CollaborationsContext } from './collaboration.loader';
import { COLLABORATION_FIELDS, type CollaborationNode } from './collaboration.type';

export function toCreateCollaborationRequest(
  input: CreateCollaborationInput,
): CreateCollaborationRequest {
  const { tags, ...rest } = plain(input);
  return { ...rest, tags: tagMap(tags) };
}

export function toUpdateCollaborationRequest(
  input: UpdateCollaborationInput,
): UpdateCollaborationRequest {
  // Validation has run: name and description are absent or strings, never null.
  return plain(input) as UpdateCollaborationRequest;
}

export function collaborationNode(ctx: CollaborationsContext, id: string): CollaborationNode {
  return entityNode(ctx.collaborations.store, id, COLLABORATION_FIELDS);
}
