/** Inputs of the membership mutations: they mirror CreateMembership / UpdateMembership. */
import { ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import {
  MembershipProtectedJobResultConfigurationInput,
  MembershipProtectedQueryResultConfigurationInput,
  PaymentConfigurationInput,
  TagInput,
} from '../shared/common.inputs';
import { MembershipJobLogStatusInput, MembershipQueryLogStatusInput } from '../shared/enums';
import { AwsConstraint, NotNullIfPresent, TagListRules } from '../shared/validation';

@InputType({ description: 'Join a collaboration the caller was invited to.' })
export class CreateMembershipInput {
  @Field(() => ID, { description: 'Id (not ARN) of the collaboration to join.' })
  @AwsConstraint('CreateMembership', 'collaborationIdentifier')
  collaborationIdentifier!: string;

  @Field(() => MembershipQueryLogStatusInput, {
    description: 'Write query logs (ENABLED only if the collaboration allows query logging).',
  })
  @AwsConstraint('CreateMembership', 'queryLogStatus')
  queryLogStatus!: string;

  @Field(() => MembershipJobLogStatusInput, { nullable: true, description: 'Write job logs.' })
  @AwsConstraint('CreateMembership', 'jobLogStatus')
  jobLogStatus?: string;

  @Field(() => [TagInput], {
    nullable: true,
    description: 'Tags for the new membership (at most 50, unique keys).',
  })
  @TagListRules('CreateMembership')
  @ValidateNested({ each: true })
  tags?: TagInput[];

  @Field(() => MembershipProtectedQueryResultConfigurationInput, {
    nullable: true,
    description: 'Default destination of query results (for members who can receive results).',
  })
  @ValidateNested()
  defaultResultConfiguration?: MembershipProtectedQueryResultConfigurationInput;

  @Field(() => MembershipProtectedJobResultConfigurationInput, {
    nullable: true,
    description: 'Default destination of job results.',
  })
  @ValidateNested()
  defaultJobResultConfiguration?: MembershipProtectedJobResultConfigurationInput;

  @Field(() => PaymentConfigurationInput, {
    nullable: true,
    description:
      'The payment responsibilities the member accepts; each must match what the collaboration creator designated. Required for a designated payer that cannot query.',
  })
  @ValidateNested()
  paymentConfiguration?: PaymentConfigurationInput;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Publish collaboration metrics (only where the collaboration enables metrics).',
  })
  isMetricsEnabled?: boolean;
}

@InputType({
  description:
    'Change a membership. Omitted fields stay as they are. The result configurations can be replaced but not cleared (null is refused): the Clean Rooms API has no way to remove them.',
})
export class UpdateMembershipInput {
  @Field(() => ID, { description: 'Id of the membership to change.' })
  @AwsConstraint('UpdateMembership', 'membershipIdentifier')
  membershipIdentifier!: string;

  @Field(() => MembershipQueryLogStatusInput, { nullable: true, description: 'Write query logs.' })
  @NotNullIfPresent('queryLogStatus')
  @AwsConstraint('UpdateMembership', 'queryLogStatus')
  queryLogStatus?: string | null;

  @Field(() => MembershipJobLogStatusInput, { nullable: true, description: 'Write job logs.' })
  @NotNullIfPresent('jobLogStatus')
  @AwsConstraint('UpdateMembership', 'jobLogStatus')
  jobLogStatus?: string | null;

  @Field(() => MembershipProtectedQueryResultConfigurationInput, {
    nullable: true,
    description: 'Replace the default destination of query results.',
  })
  @NotNullIfPresent('defaultResultConfiguration')
  @ValidateNested()
  defaultResultConfiguration?: MembershipProtectedQueryResultConfigurationInput | null;

  @Field(() => MembershipProtectedJobResultConfigurationInput, {
    nullable: true,
    description: 'Replace the default destination of job results.',
  })
  @NotNullIfPresent('defaultJobResultConfiguration')
  @ValidateNested()
  defaultJobResultConfiguration?: MembershipProtectedJobResultConfigurationInput | null;
}
