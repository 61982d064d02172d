/** Arguments of the collaboration queries. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../shared/connection';
import { FilterableMemberStatus } from '../shared/enums';
import { AwsConstraint } from '../shared/validation';

@ArgsType()
export class CollaborationIdArgs {
  @Field(() => ID, { description: 'Id of the collaboration (a lowercase UUID).' })
  @AwsConstraint('GetCollaboration', 'collaborationIdentifier')
  id!: string;
}

@ArgsType()
export class ListCollaborationsArgs extends PageArgs {
  @Field(() => FilterableMemberStatus, {
    nullable: true,
    description: "Only collaborations where the caller's status is this one.",
  })
  @AwsConstraint('ListCollaborations', 'memberStatus')
  memberStatus?: string;
}
