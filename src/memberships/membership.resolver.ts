/**
 * Membership queries, mutations and relations. Thin: reads go through the request's loaders,
 * writes through the repository, and every result teaches the loaders what it revealed.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Collaboration } from '../collaborations/collaboration.type';
import { collaborationNode } from '../collaborations/collaboration.mapper';
import type { GatewayContext } from '../context';
import { Tag } from '../shared/common.types';
import { pageInfo } from '../shared/connection';
import { teachCollaboration } from '../shared/related-fields';
import { MembershipConnection } from '../shared/connections.types';
import { ListMembershipsArgs, MembershipIdArgs } from './membership.args';
import { CreateMembershipInput, UpdateMembershipInput } from './membership.inputs';
import {
  membershipNode,
  toCreateMembershipRequest,
  toUpdateMembershipRequest,
} from './membership.mapper';
import { Membership } from './membership.type';

/** Finds a membership: served from what the request already knows, else one GetMembership. */
export async function resolveMembership(ctx: GatewayContext, id: string): Promise<Membership> {
  const { store } = ctx.memberships;
  if (!store.knows(id, 'id')) await store.load(id);
  return membershipNode(ctx, id);
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => Membership, {
    nullable: true,
    description:
      "One of the caller's memberships by id (GetMembership). Null with a NOT_FOUND error when it does not exist.",
  })
  membership(@Args() { id }: MembershipIdArgs, @Ctx() ctx: GatewayContext): Promise<Membership> {
    return resolveMembership(ctx, id);
  }

  @Query(() => MembershipConnection, {
    description:
      "The caller's memberships, one page at a time (ListMemberships). Summary fields cost no extra AWS call; other fields load each membership once.",
  })
  async memberships(
    @Args() { status, first, after }: ListMembershipsArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<MembershipConnection> {
    const page = await ctx.memberships.lists.load({ status, maxResults: first, nextToken: after });
    return {
      nodes: page.items.map((m) => membershipNode(ctx, m.id)),
      pageInfo: pageInfo(page.nextToken),
    };
  }

  @FieldResolver(() => Collaboration, {
    nullable: true,
    description:
      'The collaboration this membership belongs to. Null with an error (FORBIDDEN) when it is no longer readable: deleted, or the member was removed; fields of the membership itself still resolve.',
  })
  async collaboration(
    @Root() membership: Membership,
    @Ctx() ctx: GatewayContext,
  ): Promise<Collaboration> {
    const id = (await ctx.memberships.store.field(membership.id, 'collaborationId')) as string;
    // What the membership already says about its collaboration costs no GetCollaboration.
    teachCollaboration(ctx, membership.id, id);
    return collaborationNode(ctx, id);
  }

  @FieldResolver(() => [Tag], { description: 'Tags on the membership (ListTagsForResource).' })
  async tags(@Root() membership: Membership, @Ctx() ctx: GatewayContext): Promise<Tag[]> {
    const arn = await ctx.memberships.store.field(membership.id, 'arn');
    return ctx.memberships.tags.load({ arn: arn as string });
  }

  @Mutation(() => Membership, {
    description: 'Join a collaboration the caller was invited to (CreateMembership).',
  })
  async createMembership(
    @Arg('input', () => CreateMembershipInput, {
      description:
        'The collaboration to join and the membership settings (CreateMembership request).',
    })
    input: CreateMembershipInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Membership> {
    const created = await ctx.memberships.repository.create(toCreateMembershipRequest(input));
    ctx.memberships.store.prime(created);
    ctx.memberships.lists.clearAll();
    ctx.collaborations.store.clear(created.collaborationId);
    ctx.collaborations.lists.clearAll();
    ctx.collaborations.members.clearAll();
    return membershipNode(ctx, created.id);
  }

  @Mutation(() => Membership, {
    description: 'Change a membership (UpdateMembership). Only the fields given change.',
  })
  async updateMembership(
    @Arg('input', () => UpdateMembershipInput, {
      description: 'The membership to change and the new values (UpdateMembership request).',
    })
    input: UpdateMembershipInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Membership> {
    const updated = await ctx.memberships.repository.update(toUpdateMembershipRequest(input));
    ctx.memberships.store.prime(updated);
    ctx.memberships.lists.clearAll();
    return membershipNode(ctx, updated.id);
  }

  @Mutation(() => ID, {
    description:
      'Leave a collaboration by deleting the membership (DeleteMembership); returns its id. The member cannot rejoin.',
  })
  async deleteMembership(
    @Args() { id }: MembershipIdArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<string> {
    await ctx.memberships.repository.delete(id);
    ctx.memberships.store.clear(id);
    ctx.memberships.lists.clearAll();
    ctx.memberships.tags.clearAll();
    ctx.collaborations.store.clearAll();
    ctx.collaborations.lists.clearAll();
    ctx.collaborations.members.clearAll();
    return id;
  }
}
