/**
 * Membership queries, mutations and tags. Thin: reads go through the request's loaders, writes
 * through the repository, and every result teaches the loaders what it revealed. The relation to
 * collaborations lives in relations/.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tagMap } from '../shared/common.inputs';
import { Tag } from '../shared/common.types';
import { pageInfo, type ConnectionSource } from '../shared/connection';
import { AwsCall, PagedList } from '../shared/cost-directives';
import {
  ListMembershipsArgs,
  MembershipIdArgs,
  TagMembershipArgs,
  UntagMembershipArgs,
} from './membership.args';
import { CreateMembershipInput, UpdateMembershipInput } from './membership.inputs';
import type { MembershipsContext } from './membership.loader';
import {
  membershipNode,
  toCreateMembershipRequest,
  toUpdateMembershipRequest,
} from './membership.mapper';
import { Membership, MembershipConnection, type MembershipNode } from './membership.type';

/** Finds a membership: served from what the request already knows, else one GetMembership. */
export async function resolveMembership(
  ctx: MembershipsContext,
  id: string,
): Promise<MembershipNode> {
  await ctx.memberships.store.ensure(id);
  return membershipNode(ctx, id);
}

@Resolver(() => Membership)
export class MembershipResolver {
  @AwsCall()
  @Query(() => Membership, {
    nullable: true,
    description:
      "One of the caller's memberships by id (GetMembership). Null with a NOT_FOUND error when it does not exist.",
  })
  membership(
    @Args() { id }: MembershipIdArgs,
    @Ctx() ctx: MembershipsContext,
  ): Promise<MembershipNode> {
    return resolveMembership(ctx, id);
  }

  @AwsCall()
  @PagedList()
  @Query(() => MembershipConnection, {
    description:
      "The caller's memberships, one page at a time (ListMemberships). Summary fields cost no extra AWS call; other fields load each membership once.",
  })
  async memberships(
    @Args() { status, first, after }: ListMembershipsArgs,
    @Ctx() ctx: MembershipsContext,
  ): Promise<ConnectionSource<MembershipNode>> {
    const page = await ctx.memberships.lists.load({ status, maxResults: first, nextToken: after });
    return {
      nodes: page.items.map((m) => membershipNode(ctx, m.id)),
      pageInfo: pageInfo(page.nextToken),
    };
  }

  @AwsCall()
  @FieldResolver(() => [Tag], { description: 'Tags on the membership (ListTagsForResource).' })
  async tags(@Root() membership: MembershipNode, @Ctx() ctx: MembershipsContext): Promise<Tag[]> {
    const arn = await membership.arn;
    return arn ? ctx.memberships.tags.load({ arn }) : [];
  }

  @AwsCall()
  @Mutation(() => Membership, {
    description: 'Join a collaboration the caller was invited to (CreateMembership).',
  })
  async createMembership(
    @Arg('input', () => CreateMembershipInput, {
      description:
        'The collaboration to join and the membership settings (CreateMembership request).',
    })
    input: CreateMembershipInput,
    @Ctx() ctx: MembershipsContext,
  ): Promise<MembershipNode> {
    const { memberships } = ctx;
    const created = await memberships.repository.create(toCreateMembershipRequest(input));
    memberships.store.prime(created);
    memberships.lists.clearAll();
    memberships.writeEffects.created(created);
    return membershipNode(ctx, created.id);
  }

  @AwsCall()
  @Mutation(() => Membership, {
    description: 'Change a membership (UpdateMembership). Only the fields given change.',
  })
  async updateMembership(
    @Arg('input', () => UpdateMembershipInput, {
      description: 'The membership to change and the new values (UpdateMembership request).',
    })
    input: UpdateMembershipInput,
    @Ctx() ctx: MembershipsContext,
  ): Promise<MembershipNode> {
    const { memberships } = ctx;
    const updated = await memberships.repository.update(toUpdateMembershipRequest(input));
    memberships.store.prime(updated);
    memberships.lists.clearAll();
    return membershipNode(ctx, updated.id);
  }

  @AwsCall()
  @Mutation(() => ID, {
    description:
      'Leave a collaboration by deleting the membership (DeleteMembership); returns its id. The member cannot rejoin.',
  })
  async deleteMembership(
    @Args() { id }: MembershipIdArgs,
    @Ctx() ctx: MembershipsContext,
  ): Promise<string> {
    const { memberships } = ctx;
    await memberships.repository.delete(id);
    memberships.store.clear(id);
    memberships.lists.clearAll();
    memberships.tags.clearAll();
    memberships.writeEffects.deleted(id);
    return id;
  }

  @AwsCall()
  @Mutation(() => Membership, {
    description:
      "Add tags to a membership, or change their values (TagResource on the membership's ARN). Two AWS calls: GetMembership for the ARN (none when the request already knows it) and TagResource; selecting `tags` adds one ListTagsForResource.",
  })
  async tagMembership(
    @Args() { id, tags }: TagMembershipArgs,
    @Ctx() ctx: MembershipsContext,
  ): Promise<MembershipNode> {
    await ctx.memberships.tagging.tag(id, tagMap(tags) ?? {});
    return membershipNode(ctx, id);
  }

  @AwsCall()
  @Mutation(() => Membership, {
    description:
      "Remove tags from a membership (UntagResource on the membership's ARN). Two AWS calls: GetMembership for the ARN (none when the request already knows it) and UntagResource; selecting `tags` adds one ListTagsForResource.",
  })
  async untagMembership(
    @Args() { id, tagKeys }: UntagMembershipArgs,
    @Ctx() ctx: MembershipsContext,
  ): Promise<MembershipNode> {
    await ctx.memberships.tagging.untag(id, tagKeys);
    return membershipNode(ctx, id);
  }
}
