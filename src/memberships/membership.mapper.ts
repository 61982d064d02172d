/**
 * GraphQL ⇄ domain for memberships: inputs become repository requests; ids become GraphQL nodes
 * backed by the request's membership store.
 */
import type { CreateMembershipRequest, UpdateMembershipRequest } from '../clean-rooms/types';
import { tagMap } from '../shared/common.inputs';
import { entityNode } from '../shared/entity-store';
import { plain } from '../shared/plain';
import type { MembershipsContext } from './membership.loader';
import type { CreateMembershipInput, UpdateMembershipInput } from './membership.inputs';
import { MEMBERSHIP_FIELDS, type MembershipNode } from './membership.type';

export function toCreateMembershipRequest(input: CreateMembershipInput): CreateMembershipRequest {
  const { tags, ...rest } = plain(input);
  // Validation has run: each output configuration has exactly its one member set.
  return { ...rest, tags: tagMap(tags) } as CreateMembershipRequest;
}

export function toUpdateMembershipRequest(input: UpdateMembershipInput): UpdateMembershipRequest {
  return plain(input) as UpdateMembershipRequest;
}

export function membershipNode(ctx: MembershipsContext, id: string): MembershipNode {
  return entityNode(ctx.memberships.store, id, MEMBERSHIP_FIELDS);
}
