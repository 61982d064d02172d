/** Inputs of createCollaboration and updateCollaboration: they mirror the AWS requests. */
import { ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import {
  MLMemberAbilitiesInput,
  PaymentConfigurationInput,
  TagInput,
} from '../shared/common.inputs';
import {
  AnalyticsEngineInput,
  AutoApprovedChangeTypeInput,
  CollaborationJobLogStatusInput,
  CollaborationQueryLogStatusInput,
  MemberAbilityInput,
} from '../shared/enums';
import { AtLeastOneOf, AwsConstraint, NotNullIfPresent, TagListRules } from '../shared/validation';

@InputType({ description: 'An account to invite, with what it may do and what it pays for.' })
export class MemberSpecificationInput {
  @Field({ description: 'AWS account id (12 digits) of the invited account.' })
  @AwsConstraint('CreateCollaboration', 'members[].accountId')
  accountId!: string;

  @Field(() => [MemberAbilityInput], { description: 'What the member may do (may be empty).' })
  @AwsConstraint('CreateCollaboration', 'members[].memberAbilities')
  memberAbilities!: string[];

  @Field(() => MLMemberAbilitiesInput, {
    nullable: true,
    description: 'Machine-learning abilities.',
  })
  @ValidateNested()
  mlMemberAbilities?: MLMemberAbilitiesInput;

  @Field({ description: 'Display name of the member (1-100 characters).' })
  @AwsConstraint('CreateCollaboration', 'members[].displayName')
  displayName!: string;

  @Field(() => PaymentConfigurationInput, {
    nullable: true,
    description: 'What the member pays for; by default the member who can query pays for queries.',
  })
  @ValidateNested()
  paymentConfiguration?: PaymentConfigurationInput;
}

@InputType({ description: 'Encryption settings for cryptographic computing.' })
export class DataEncryptionMetadataInput {
  @Field({ description: 'Allow cleartext (unencrypted) columns.' })
  allowCleartext!: boolean;

  @Field({ description: 'Allow duplicate values in encrypted fingerprint columns.' })
  allowDuplicates!: boolean;

  @Field({ description: 'Allow joins on encrypted columns with different names.' })
  allowJoinsOnColumnsWithDifferentNames!: boolean;

  @Field({ description: 'Keep null values null instead of encrypting them.' })
  preserveNulls!: boolean;
}

@InputType({ description: 'Create a collaboration; the caller becomes its creator.' })
export class CreateCollaborationInput {
  @Field(() => [MemberSpecificationInput], {
    description: 'Accounts to invite, not including the creator (may be empty).',
  })
  @ValidateNested({ each: true })
  members!: MemberSpecificationInput[];

  @Field({ description: 'Name (1-100 characters, not blank).' })
  @AwsConstraint('CreateCollaboration', 'name')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description (up to 255 characters).' })
  @AwsConstraint('CreateCollaboration', 'description')
  description?: string;

  @Field(() => [MemberAbilityInput], { description: 'What the creator may do (may be empty).' })
  @AwsConstraint('CreateCollaboration', 'creatorMemberAbilities')
  creatorMemberAbilities!: string[];

  @Field(() => MLMemberAbilitiesInput, {
    nullable: true,
    description: "The creator's machine-learning abilities.",
  })
  @ValidateNested()
  creatorMLMemberAbilities?: MLMemberAbilitiesInput;

  @Field({ description: "The creator's display name (1-100 characters)." })
  @AwsConstraint('CreateCollaboration', 'creatorDisplayName')
  creatorDisplayName!: string;

  @Field(() => DataEncryptionMetadataInput, {
    nullable: true,
    description: 'Cryptographic computing settings.',
  })
  @ValidateNested()
  dataEncryptionMetadata?: DataEncryptionMetadataInput;

  @Field(() => CollaborationQueryLogStatusInput, {
    description: 'Whether members may turn on query logging.',
  })
  @AwsConstraint('CreateCollaboration', 'queryLogStatus')
  queryLogStatus!: string;

  @Field(() => CollaborationJobLogStatusInput, {
    nullable: true,
    description: 'Whether members may turn on job logging.',
  })
  @AwsConstraint('CreateCollaboration', 'jobLogStatus')
  jobLogStatus?: string;

  @Field(() => [TagInput], {
    nullable: true,
    description: 'Tags for the collaboration (at most 50, unique keys).',
  })
  @TagListRules('CreateCollaboration')
  @ValidateNested({ each: true })
  tags?: TagInput[];

  @Field(() => PaymentConfigurationInput, {
    nullable: true,
    description: 'What the creator pays for.',
  })
  @ValidateNested()
  creatorPaymentConfiguration?: PaymentConfigurationInput;

  @Field(() => AnalyticsEngineInput, {
    nullable: true,
    description: 'The engine that runs analyses.',
  })
  @AwsConstraint('CreateCollaboration', 'analyticsEngine')
  analyticsEngine?: string;

  @Field(() => [AutoApprovedChangeTypeInput], {
    nullable: true,
    description: 'Kinds of changes approved without a vote.',
  })
  @AwsConstraint('CreateCollaboration', 'autoApprovedChangeRequestTypes')
  autoApprovedChangeRequestTypes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'AWS regions where results may be written, for example "us-east-1".',
  })
  @AwsConstraint('CreateCollaboration', 'allowedResultRegions')
  allowedResultRegions?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Enable collaboration metrics.' })
  isMetricsEnabled?: boolean;
}

@InputType({
  description:
    'Change a collaboration (its creator only). Omitted fields stay as they are; give at least one of name and description.',
})
export class UpdateCollaborationInput {
  @Field(() => ID, { description: 'Id of the collaboration to change.' })
  @AwsConstraint('UpdateCollaboration', 'collaborationIdentifier')
  collaborationIdentifier!: string;

  @Field(() => String, { nullable: true, description: 'New name (1-100 characters, not blank).' })
  @AtLeastOneOf(['name', 'description'])
  @NotNullIfPresent('name')
  @AwsConstraint('UpdateCollaboration', 'name')
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'New description (up to 255 characters; an empty string empties it).',
  })
  @NotNullIfPresent('description')
  @AwsConstraint('UpdateCollaboration', 'description')
  description?: string | null;
}
