/** The connection types of the schema: a page of nodes plus its PageInfo. */
import { Field, ObjectType } from 'type-graphql';
import { Collaboration } from '../collaborations/collaboration.type';
import { Member } from '../collaborations/member.type';
import { Membership } from '../memberships/membership.type';
import { PageInfo } from './connection';

@ObjectType({ description: 'A page of memberships.' })
export class MembershipConnection {
  @Field(() => [Membership], { description: 'The memberships of this page.' })
  nodes!: Membership[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A page of collaborations.' })
export class CollaborationConnection {
  @Field(() => [Collaboration], { description: 'The collaborations of this page.' })
  nodes!: Collaboration[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A page of collaboration members.' })
export class MemberConnection {
  @Field(() => [Member], { description: 'The members of this page.' })
  nodes!: Member[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}
