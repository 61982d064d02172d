/** Arguments of the membership queries, deleteMembership and the tag mutations. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../shared/connection';
import { MembershipStatusFilter } from '../shared/enums';
import { withTagKeys, withTags } from '../shared/tag.args';
import { AwsConstraint } from '../shared/validation';

@ArgsType()
export class MembershipIdArgs {
  @Field(() => ID, { description: 'Id of the membership (a lowercase UUID).' })
  @AwsConstraint('GetMembership', 'membershipIdentifier')
  id!: string;
}

@ArgsType()
export class TagMembershipArgs extends withTags(MembershipIdArgs) {}

@ArgsType()
export class UntagMembershipArgs extends withTagKeys(MembershipIdArgs) {}

@ArgsType()
export class ListMembershipsArgs extends PageArgs {
  @Field(() => MembershipStatusFilter, {
    nullable: true,
    description: 'Only memberships in this status.',
  })
  @AwsConstraint('ListMemberships', 'status')
  status?: string;
}
