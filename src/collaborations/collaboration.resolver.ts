/**
 * Collaboration queries, the collaboration mutations, and the collaboration's members and tags.
 * The relation to the caller's membership lives in relations/.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tagMap } from '../shared/common.inputs';
import { Tag } from '../shared/common.types';
import { PageArgs, pageInfo, type ConnectionSource } from '../shared/connection';
import { AwsCall, PagedList } from '../shared/cost-directives';
import {
  CollaborationIdArgs,
  ListCollaborationsArgs,
  TagCollaborationArgs,
  UntagCollaborationArgs,
} from './collaboration.args';
import { CreateCollaborationInput, UpdateCollaborationInput } from './collaboration.inputs';
import type { CollaborationsContext } from './collaboration.loader';
import {
  collaborationNode,
  toCreateCollaborationRequest,
  toUpdateCollaborationRequest,
} from './collaboration.mapper';
import {
  Collaboration,
  CollaborationConnection,
  type CollaborationNode,
} from './collaboration.type';
import { MemberConnection, type MemberSource } from './member.type';

/** Finds a collaboration: served from what the request already knows, else one GetCollaboration. */
export async function resolveCollaboration(
  ctx: CollaborationsContext,
  id: string,
): Promise<CollaborationNode> {
  await ctx.collaborations.store.ensure(id);
  return collaborationNode(ctx, id);
}

@Resolver(() => Collaboration)
export class CollaborationResolver {
  @AwsCall()
  @Query(() => Collaboration, {
    nullable: true,
    description:
      'A collaboration the caller created or is invited to or active in (GetCollaboration). Null with a FORBIDDEN error otherwise: Clean Rooms does not reveal whether it exists.',
  })
  collaboration(
    @Args() { id }: CollaborationIdArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<CollaborationNode> {
    return resolveCollaboration(ctx, id);
  }

  @AwsCall()
  @PagedList()
  @Query(() => CollaborationConnection, {
    description:
      'Collaborations the caller created or is invited to or active in, one page at a time (ListCollaborations).',
  })
  async collaborations(
    @Args() { memberStatus, first, after }: ListCollaborationsArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<ConnectionSource<CollaborationNode>> {
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

  @AwsCall()
  @PagedList()
  @FieldResolver(() => MemberConnection, {
    description: 'Accounts in the collaboration, the creator included (ListMembers).',
  })
  async members(
    @Root() collaboration: CollaborationNode,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<ConnectionSource<MemberSource>> {
    const collaborationId = collaboration.id;
    const page = await ctx.collaborations.members.load({
      collaborationId,
      maxResults: first,
      nextToken: after,
    });
    const nodes: MemberSource[] = page.items.map((m) => ({ ...m, collaborationId }));
    return { nodes, pageInfo: pageInfo(page.nextToken) };
  }

  @AwsCall()
  @Mutation(() => Collaboration, {
    description: 'Create a collaboration and invite accounts to it (CreateCollaboration).',
  })
  async createCollaboration(
    @Arg('input', () => CreateCollaborationInput, {
      description: 'The new collaboration and its invited members (CreateCollaboration request).',
    })
    input: CreateCollaborationInput,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<CollaborationNode> {
    const { collaborations } = ctx;
    const created = await collaborations.repository.create(toCreateCollaborationRequest(input));
    collaborations.store.prime(created);
    collaborations.lists.clearAll();
    return collaborationNode(ctx, created.id);
  }

  @AwsCall()
  @FieldResolver(() => [Tag], {
    nullable: true,
    description:
      'Tags on the collaboration (ListTagsForResource). Only its creator can read them: for anyone else this is null with a NOT_FOUND error.',
  })
  async tags(
    @Root() collaboration: CollaborationNode,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<Tag[] | null> {
    const arn = await collaboration.arn;
    return arn ? ctx.collaborations.tags.load({ arn }) : null;
  }

  @AwsCall()
  @Mutation(() => Collaboration, {
    description:
      'Rename or re-describe a collaboration (UpdateCollaboration); only its creator may. One AWS call, whose answer is the whole collaboration.',
  })
  async updateCollaboration(
    @Arg('input', () => UpdateCollaborationInput, {
      description: 'The collaboration to change and the new values (UpdateCollaboration request).',
    })
    input: UpdateCollaborationInput,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<CollaborationNode> {
    const { collaborations } = ctx;
    const updated = await collaborations.repository.update(toUpdateCollaborationRequest(input));
    collaborations.store.prime(updated);
    collaborations.lists.clearAll();
    collaborations.writeEffects.updated(updated);
    return collaborationNode(ctx, updated.id);
  }

  @AwsCall()
  @Mutation(() => ID, {
    description:
      "Delete a collaboration (DeleteCollaboration); only its creator may. Returns its id. One AWS call. The members' memberships stay, as COLLABORATION_DELETED.",
  })
  async deleteCollaboration(
    @Args() { id }: CollaborationIdArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<string> {
    const { collaborations } = ctx;
    await collaborations.repository.delete(id);
    collaborations.store.clear(id);
    collaborations.lists.clearAll();
    collaborations.members.clearAll();
    collaborations.tags.clearAll();
    collaborations.writeEffects.deleted(id);
    return id;
  }

  @AwsCall()
  @Mutation(() => Collaboration, {
    description:
      "Add tags to a collaboration, or change their values (TagResource on the collaboration's ARN); only its creator may (anyone else gets NOT_FOUND). Two AWS calls: GetCollaboration for the ARN (none when the request already knows it) and TagResource; selecting `tags` adds one ListTagsForResource.",
  })
  async tagCollaboration(
    @Args() { id, tags }: TagCollaborationArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<CollaborationNode> {
    await ctx.collaborations.tagging.tag(id, tagMap(tags) ?? {});
    return collaborationNode(ctx, id);
  }

  @AwsCall()
  @Mutation(() => Collaboration, {
    description:
      "Remove tags from a collaboration (UntagResource on the collaboration's ARN); only its creator may (anyone else gets NOT_FOUND). Two AWS calls: GetCollaboration for the ARN (none when the request already knows it) and UntagResource; selecting `tags` adds one ListTagsForResource.",
  })
  async untagCollaboration(
    @Args() { id, tagKeys }: UntagCollaborationArgs,
    @Ctx() ctx: CollaborationsContext,
  ): Promise<CollaborationNode> {
    await ctx.collaborations.tagging.untag(id, tagKeys);
    return collaborationNode(ctx, id);
  }
}
