/**
 * Collaboration queries, the createCollaboration mutation, and the collaboration's relations
 * (its members and the caller's own membership).
 */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { membershipNode } from '../memberships/membership.mapper';
import { Membership } from '../memberships/membership.type';
import { PageArgs, pageInfo } from '../shared/connection';
import { CollaborationConnection, MemberConnection } from '../shared/connections.types';
import { teachMembership } from '../shared/related-fields';
import { CollaborationIdArgs, ListCollaborationsArgs } from './collaboration.args';
import { CreateCollaborationInput } from './collaboration.inputs';
import { collaborationNode, toCreateCollaborationRequest } from './collaboration.mapper';
import { Collaboration } from './collaboration.type';
import type { MemberSource } from './member.type';

/** Finds a collaboration: served from what the request already knows, else one GetCollaboration. */
export async function resolveCollaboration(
  ctx: GatewayContext,
  id: string,
): Promise<Collaboration> {
  const { store } = ctx.collaborations;
  if (!store.knows(id, 'id')) await store.load(id);
  return collaborationNode(ctx, id);
}

/** The caller's membership in `collaborationId` as a node, taught what the collaboration knows. */
export function ownMembershipNode(
  ctx: GatewayContext,
  collaborationId: string,
  membershipId: string,
  membershipArn: string | undefined,
): Membership {
  teachMembership(ctx, collaborationId, membershipId, membershipArn);
  return membershipNode(ctx, membershipId);
}

@Resolver(() => Collaboration)
export class CollaborationResolver {
  @Query(() => Collaboration, {
    nullable: true,
    description:
      'A collaboration the caller created or is invited to or active in (GetCollaboration). Null with a FORBIDDEN error otherwise: Clean Rooms does not reveal whether it exists.',
  })
  collaboration(
    @Args() { id }: CollaborationIdArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<Collaboration> {
    return resolveCollaboration(ctx, id);
  }

  @Query(() => CollaborationConnection, {
    description:
      'Collaborations the caller created or is invited to or active in, one page at a time (ListCollaborations).',
  })
  async collaborations(
    @Args() { memberStatus, first, after }: ListCollaborationsArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<CollaborationConnection> {
    const page = await ctx.collaborations.lists.load({
      memberStatus,
      maxResults: first,
      nextToken: after,
    });
    return {
      nodes: page.items.map((c) => collaborationNode(ctx, c.id)),
      pageInfo: pageInfo(page.nextToken),
    };
  }

  @FieldResolver(() => MemberConnection, {
    description: 'Accounts in the collaboration, the creator included (ListMembers).',
  })
  async members(
    @Root() collaboration: Collaboration,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<MemberConnection> {
    const collaborationId = collaboration.id;
    const page = await ctx.collaborations.members.load({
      collaborationId,
      maxResults: first,
      nextToken: after,
    });
    const nodes: MemberSource[] = page.items.map((m) => ({ ...m, collaborationId }));
    return { nodes, pageInfo: pageInfo(page.nextToken) };
  }

  @FieldResolver(() => Membership, {
    nullable: true,
    description: "The caller's own membership in this collaboration; null when it has none.",
  })
  async membership(
    @Root() collaboration: Collaboration,
    @Ctx() ctx: GatewayContext,
  ): Promise<Membership | null> {
    const { store } = ctx.collaborations;
    const [membershipId, membershipArn] = await Promise.all([
      store.field(collaboration.id, 'membershipId'),
      store.field(collaboration.id, 'membershipArn'),
    ]);
    return membershipId
      ? ownMembershipNode(ctx, collaboration.id, membershipId, membershipArn)
      : null;
  }

  @Mutation(() => Collaboration, {
    description: 'Create a collaboration and invite accounts to it (CreateCollaboration).',
  })
  async createCollaboration(
    @Arg('input', () => CreateCollaborationInput, {
      description: 'The new collaboration and its invited members (CreateCollaboration request).',
    })
    input: CreateCollaborationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Collaboration> {
    const created = await ctx.collaborations.repository.create(toCreateCollaborationRequest(input));
    ctx.collaborations.store.prime(created);
    ctx.collaborations.lists.clearAll();
    return collaborationNode(ctx, created.id);
  }
}
