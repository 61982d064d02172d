/**
 * The `Collaboration` GraphQL type: a Clean Rooms collaboration as the caller sees it (its own
 * member status and membership included). A federation entity keyed by `id`.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Collaboration as DomainCollaboration } from '../clean-rooms/types';
import { Connection } from '../shared/connection';
import type { EntityNode } from '../shared/entity-store';
import { DataEncryptionMetadata } from '../shared/common.types';
import {
  AnalyticsEngine,
  AutoApprovedChangeType,
  CollaborationJobLogStatus,
  CollaborationQueryLogStatus,
  MemberStatus,
} from '../shared/enums';

/** Fields ListCollaborations returns: served from the list with no GetCollaboration call. */
export const COLLABORATION_SUMMARY_FIELDS = [
  'id',
  'arn',
  'name',
  'creatorAccountId',
  'creatorDisplayName',
  'createTime',
  'updateTime',
  'memberStatus',
  'membershipId',
  'membershipArn',
  'analyticsEngine',
] as const satisfies ReadonlyArray<keyof DomainCollaboration>;

/** Every field GetCollaboration returns. */
export const COLLABORATION_FIELDS = [
  ...COLLABORATION_SUMMARY_FIELDS,
  'description',
  'dataEncryptionMetadata',
  'queryLogStatus',
  'jobLogStatus',
  'autoApprovedChangeTypes',
  'allowedResultRegions',
  'isMetricsEnabled',
] as const satisfies ReadonlyArray<keyof DomainCollaboration>;

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A Clean Rooms collaboration: a shared space where invited AWS accounts analyse their combined data under agreed rules.',
})
export class Collaboration {
  @Field(() => ID, { description: 'Unique id of the collaboration (a lowercase UUID).' })
  id!: string;

  @Field({ description: 'ARN of the collaboration; it names the creator account.' })
  arn!: string;

  @Field({ description: 'Human-readable name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description, if any.' })
  description?: string;

  @Field({ description: 'AWS account id of the account that created the collaboration.' })
  creatorAccountId!: string;

  @Field({ description: 'Display name of the creator.' })
  creatorDisplayName!: string;

  @Field({ description: 'When the collaboration was created.' })
  createTime!: Date;

  @Field({ description: 'When the collaboration last changed.' })
  updateTime!: Date;

  @Field(() => MemberStatus, { description: "The caller's own status in this collaboration." })
  memberStatus!: string;

  @Field(() => ID, { nullable: true, description: "Id of the caller's membership, if it has one." })
  membershipId?: string;

  @Field(() => String, {
    nullable: true,
    description: "ARN of the caller's membership, if it has one.",
  })
  membershipArn?: string;

  @Field(() => DataEncryptionMetadata, {
    nullable: true,
    description: 'Cryptographic computing settings, when the collaboration uses them.',
  })
  dataEncryptionMetadata?: DataEncryptionMetadata;

  @Field(() => CollaborationQueryLogStatus, {
    description: 'Whether members may turn on query logging.',
  })
  queryLogStatus!: string;

  @Field(() => CollaborationJobLogStatus, {
    nullable: true,
    description: 'Whether members may turn on job logging; null when never set.',
  })
  jobLogStatus?: string;

  @Field(() => AnalyticsEngine, { nullable: true, description: 'The engine that runs analyses.' })
  analyticsEngine?: string;

  @Field(() => [AutoApprovedChangeType], {
    nullable: true,
    description: 'Kinds of changes approved without a vote of the members.',
  })
  autoApprovedChangeTypes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'AWS regions where results may be written (for example "us-east-1").',
  })
  allowedResultRegions?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether collaboration metrics are enabled.',
  })
  isMetricsEnabled?: boolean;
}

/** What resolvers hand GraphQL for a `Collaboration`: the id plus lazily loaded fields. */
export type CollaborationNode = EntityNode<DomainCollaboration>;

@ObjectType({ description: 'A page of collaborations.' })
export class CollaborationConnection extends Connection(Collaboration, 'collaborations') {}
