/** `Member`: one account listed in a collaboration (ListMembers), including the creator. */
import { Field, ID, ObjectType } from 'type-graphql';
import type { MemberSummary } from '../clean-rooms/types';
import { Connection } from '../shared/connection';
import { MLMemberAbilities, PaymentConfiguration } from '../shared/common.types';
import { MemberAbility, MemberStatus } from '../shared/enums';

/** What a Member resolves from: the list entry plus the collaboration it was listed in. */
export interface MemberSource extends MemberSummary {
  collaborationId: string;
}

@ObjectType({
  description: 'An account that takes part in a collaboration (its creator included).',
})
export class Member {
  @Field({ description: 'AWS account id of the member.' })
  accountId!: string;

  @Field(() => MemberStatus, { description: 'Status of the member in the collaboration.' })
  status!: string;

  @Field({ description: 'Display name the creator gave the member.' })
  displayName!: string;

  @Field(() => [MemberAbility], { description: 'What the member may do.' })
  abilities!: string[];

  @Field(() => MLMemberAbilities, {
    nullable: true,
    description: 'Machine-learning abilities, if any.',
  })
  mlAbilities?: MLMemberAbilities;

  @Field({ description: 'When the member was added.' })
  createTime!: Date;

  @Field({ description: "When the member's entry last changed." })
  updateTime!: Date;

  @Field(() => ID, {
    nullable: true,
    description: "Id of the member's membership, once it has (or had) one.",
  })
  membershipId?: string;

  @Field(() => String, {
    nullable: true,
    description: "ARN of the member's membership, once it has one.",
  })
  membershipArn?: string;

  @Field(() => PaymentConfiguration, {
    description: 'Payment responsibilities the collaboration creator designated for this member.',
  })
  paymentConfiguration!: PaymentConfiguration;
}

@ObjectType({ description: 'A page of collaboration members.' })
export class MemberConnection extends Connection(Member, 'members') {}
