/** Arguments of the membership queries and of deleteMembership. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../shared/connection';
import { MembershipStatus } from '../shared/enums';
import { AwsConstraint } from '../shared/validation';

@ArgsType()
export class MembershipIdArgs {
  @Field(() => ID, { description: 'Id of the membership (a lowercase UUID).' })
  @AwsConstraint('GetMembership', 'membershipIdentifier')
  id!: string;
}

@ArgsType()
export class ListMembershipsArgs extends PageArgs {
  @Field(() => MembershipStatus, {
    nullable: true,
    description: 'Only memberships in this status.',
  })
  @AwsConstraint('ListMemberships', 'status')
  status?: string;
}
