/**
 * The fields that cross between the two features: a membership's collaboration, a collaboration's
 * membership of the caller, and a member's membership when it is the caller's own. Each teaches
 * the other store what it already knows, so walking back and forth costs no Get for known data.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { collaborationNode } from '../collaborations/collaboration.mapper';
import { Collaboration, type CollaborationNode } from '../collaborations/collaboration.type';
import { Member, type MemberSource } from '../collaborations/member.type';
import { membershipNode } from '../memberships/membership.mapper';
import { AwsCall } from '../shared/cost-directives';
import { Membership, type MembershipNode } from '../memberships/membership.type';
import { teachCollaboration, teachMembership } from './related-fields';
import type { RelationsContext } from './relations.context';

/** The caller's membership in `collaborationId` as a node, taught what the collaboration knows. */
function ownMembershipNode(
  ctx: RelationsContext,
  collaborationId: string,
  membershipId: string,
  membershipArn: string | undefined,
): MembershipNode {
  teachMembership(ctx, collaborationId, membershipId, membershipArn);
  return membershipNode(ctx, membershipId);
}

@Resolver(() => Membership)
export class MembershipCollaborationResolver {
  @AwsCall()
  @FieldResolver(() => Collaboration, {
    nullable: true,
    description:
      'The collaboration this membership belongs to. Null with an error (FORBIDDEN) when it is no longer readable: deleted, or the member was removed; fields of the membership itself still resolve.',
  })
  async collaboration(
    @Root() membership: MembershipNode,
    @Ctx() ctx: RelationsContext,
  ): Promise<CollaborationNode | null> {
    const id = await membership.collaborationId;
    if (!id) return null;
    // What the membership already says about its collaboration costs no GetCollaboration.
    teachCollaboration(ctx, membership.id, id);
    return collaborationNode(ctx, id);
  }
}

@Resolver(() => Collaboration)
export class CollaborationMembershipResolver {
  @AwsCall()
  @FieldResolver(() => Membership, {
    nullable: true,
    description: "The caller's own membership in this collaboration; null when it has none.",
  })
  async membership(
    @Root() collaboration: CollaborationNode,
    @Ctx() ctx: RelationsContext,
  ): Promise<MembershipNode | null> {
    const [membershipId, membershipArn] = await Promise.all([
      collaboration.membershipId,
      collaboration.membershipArn,
    ]);
    return membershipId
      ? ownMembershipNode(ctx, collaboration.id, membershipId, membershipArn ?? undefined)
      : null;
  }
}

@Resolver(() => Member)
export class MemberMembershipResolver {
  @AwsCall()
  @FieldResolver(() => Membership, {
    nullable: true,
    description:
      "The member's membership when it is the caller's own; null for other accounts (their memberships are not readable).",
  })
  async membership(
    @Root() member: MemberSource,
    @Ctx() ctx: RelationsContext,
  ): Promise<MembershipNode | null> {
    if (!member.membershipId) return null;
    const mine = await ctx.collaborations.store.field(member.collaborationId, 'membershipId');
    if (mine !== member.membershipId) return null;
    return ownMembershipNode(
      ctx,
      member.collaborationId,
      member.membershipId,
      member.membershipArn,
    );
  }
}
