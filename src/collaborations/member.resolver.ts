/** Relations of `Member`: its membership, shown only when it is the caller's own. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { Membership } from '../memberships/membership.type';
import { ownMembershipNode } from './collaboration.resolver';
import { Member, type MemberSource } from './member.type';

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => Membership, {
    nullable: true,
    description:
      "The member's membership when it is the caller's own; null for other accounts (their memberships are not readable).",
  })
  async membership(
    @Root() member: MemberSource,
    @Ctx() ctx: GatewayContext,
  ): Promise<Membership | null> {
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
