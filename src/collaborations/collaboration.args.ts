/** Arguments of the collaboration queries, deleteCollaboration and the tag mutations. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../shared/connection';
import { FilterableMemberStatus } from '../shared/enums';
import { withTagKeys, withTags } from '../shared/tag.args';
import { AwsConstraint } from '../shared/validation';

@ArgsType()
export class CollaborationIdArgs {
  @Field(() => ID, { description: 'Id of the collaboration (a lowercase UUID).' })
  @AwsConstraint('GetCollaboration', 'collaborationIdentifier')
  id!: string;
}

@ArgsType()
export class TagCollaborationArgs extends withTags(CollaborationIdArgs) {}

@ArgsType()
export class UntagCollaborationArgs extends withTagKeys(CollaborationIdArgs) {}

@ArgsType()
export class ListCollaborationsArgs extends PageArgs {
  @Field(() => FilterableMemberStatus, {
    nullable: true,
    description: "Only collaborations where the caller's status is this one.",
  })
  @AwsConstraint('ListCollaborations', 'memberStatus')
  memberStatus?: string;
}
