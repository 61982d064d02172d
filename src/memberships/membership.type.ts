/**
 * The `Membership` GraphQL type: an account's participation in a collaboration, with every
 * field GetMembership returns. A federation entity keyed by `id`.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Membership as DomainMembership } from '../clean-rooms/types';
import { Connection } from '../shared/connection';
import type { EntityNode } from '../shared/entity-store';
import {
  MemberAbility,
  MembershipJobLogStatus,
  MembershipQueryLogStatus,
  MembershipStatus,
} from '../shared/enums';
import { MLMemberAbilities, PaymentConfiguration } from '../shared/common.types';
import {
  MembershipProtectedJobResultConfiguration,
  MembershipProtectedQueryResultConfiguration,
} from '../shared/output-configuration';

/** Fields ListMemberships returns: served from the list with no GetMembership call. */
export const MEMBERSHIP_SUMMARY_FIELDS = [
  'id',
  'arn',
  'collaborationArn',
  'collaborationId',
  'collaborationCreatorAccountId',
  'collaborationCreatorDisplayName',
  'collaborationName',
  'createTime',
  'updateTime',
  'status',
  'memberAbilities',
  'mlMemberAbilities',
  'paymentConfiguration',
] as const satisfies ReadonlyArray<keyof DomainMembership>;

/** Every field GetMembership returns. */
export const MEMBERSHIP_FIELDS = [
  ...MEMBERSHIP_SUMMARY_FIELDS,
  'queryLogStatus',
  'jobLogStatus',
  'defaultResultConfiguration',
  'defaultJobResultConfiguration',
  'isMetricsEnabled',
] as const satisfies ReadonlyArray<keyof DomainMembership>;

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An account's membership in a Clean Rooms collaboration: its abilities, logging, default result destinations and payment responsibilities.",
})
export class Membership {
  @Field(() => ID, { description: 'Unique id of the membership (a lowercase UUID).' })
  id!: string;

  @Field({ description: 'ARN of the membership; it names the account that owns it.' })
  arn!: string;

  @Field({ description: 'ARN of the collaboration this membership belongs to.' })
  collaborationArn!: string;

  @Field(() => ID, { description: 'Id of the collaboration this membership belongs to.' })
  collaborationId!: string;

  @Field({ description: 'AWS account id of the collaboration creator.' })
  collaborationCreatorAccountId!: string;

  @Field({ description: 'Display name of the collaboration creator.' })
  collaborationCreatorDisplayName!: string;

  @Field({ description: 'Name of the collaboration.' })
  collaborationName!: string;

  @Field({ description: 'When the membership was created.' })
  createTime!: Date;

  @Field({ description: 'When the membership last changed.' })
  updateTime!: Date;

  @Field(() => MembershipStatus, { description: 'Lifecycle state of the membership.' })
  status!: string;

  @Field(() => [MemberAbility], { description: 'What this member may do in the collaboration.' })
  memberAbilities!: string[];

  @Field(() => MLMemberAbilities, {
    nullable: true,
    description: 'Machine-learning abilities of this member, if any were granted.',
  })
  mlMemberAbilities?: MLMemberAbilities;

  @Field(() => MembershipQueryLogStatus, {
    description: 'Whether query logs are written for this membership.',
  })
  queryLogStatus!: string;

  @Field(() => MembershipJobLogStatus, {
    nullable: true,
    description: 'Whether job logs are written for this membership; null when never set.',
  })
  jobLogStatus?: string;

  @Field(() => MembershipProtectedQueryResultConfiguration, {
    nullable: true,
    description:
      'Default destination of query results; null when none is set. Once set it can be replaced but not removed (the API has no way to clear it).',
  })
  defaultResultConfiguration?: MembershipProtectedQueryResultConfiguration;

  @Field(() => MembershipProtectedJobResultConfiguration, {
    nullable: true,
    description:
      'Default destination of job results; null when none is set. Once set it can be replaced but not removed.',
  })
  defaultJobResultConfiguration?: MembershipProtectedJobResultConfiguration;

  @Field(() => PaymentConfiguration, {
    description: 'The payment responsibilities this member accepted.',
  })
  paymentConfiguration!: PaymentConfiguration;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether collaboration metrics are published for this membership; null when never set.',
  })
  isMetricsEnabled?: boolean;
}

/** What resolvers hand GraphQL for a `Membership`: the id plus lazily loaded fields. */
export type MembershipNode = EntityNode<DomainMembership>;

@ObjectType({ description: 'A page of memberships.' })
export class MembershipConnection extends Connection(Membership, 'memberships') {}
