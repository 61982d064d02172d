/**
 * Input objects shared by several mutations. Each mirrors an AWS request shape; constraints come
 * from the constraint table rows named in the decorators (identical in every operation that
 * uses the shape).
 */
import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CustomMLMemberAbilityInput, ResultFormatInput } from './enums';
import { AwsConstraint, ExactlyOneMember } from './validation';

const QUERY_S3 = 'defaultResultConfiguration.outputConfiguration.s3';
const JOB_S3 = 'defaultJobResultConfiguration.outputConfiguration.s3';

@InputType({ description: 'Whether a member pays for one kind of compute.' })
export class PaymentResponsibilityInput {
  @Field({ description: 'True when this member pays for this kind of compute.' })
  isResponsible!: boolean;
}

@InputType({ description: 'Who pays for each kind of machine-learning compute.' })
export class MLPaymentConfigInput {
  @Field(() => PaymentResponsibilityInput, {
    nullable: true,
    description: 'Training custom models.',
  })
  @ValidateNested()
  modelTraining?: PaymentResponsibilityInput;

  @Field(() => PaymentResponsibilityInput, {
    nullable: true,
    description: 'Running inference with custom models.',
  })
  @ValidateNested()
  modelInference?: PaymentResponsibilityInput;

  @Field(() => PaymentResponsibilityInput, {
    nullable: true,
    description: 'Generating synthetic data.',
  })
  @ValidateNested()
  syntheticDataGeneration?: PaymentResponsibilityInput;
}

@InputType({ description: 'Payment responsibilities for query, machine-learning and job compute.' })
export class PaymentConfigurationInput {
  @Field(() => PaymentResponsibilityInput, { description: 'Compute used by queries.' })
  @ValidateNested()
  queryCompute!: PaymentResponsibilityInput;

  @Field(() => MLPaymentConfigInput, { nullable: true, description: 'Machine-learning compute.' })
  @ValidateNested()
  machineLearning?: MLPaymentConfigInput;

  @Field(() => PaymentResponsibilityInput, { nullable: true, description: 'Compute used by jobs.' })
  @ValidateNested()
  jobCompute?: PaymentResponsibilityInput;
}

@InputType({ description: 'Machine-learning abilities to grant.' })
export class MLMemberAbilitiesInput {
  @Field(() => [CustomMLMemberAbilityInput], { description: 'The abilities.' })
  @AwsConstraint('CreateCollaboration', 'creatorMLMemberAbilities.customMLMemberAbilities')
  customMLMemberAbilities!: string[];
}

@InputType({
  description:
    'A key/value label. Keys are 1-128 characters and may not start with "aws:"; values 0-256.',
})
export class TagInput {
  @Field({ description: 'The tag key.' })
  @AwsConstraint('CreateMembership', 'tags{key}')
  key!: string;

  @Field({ description: 'The tag value (may be empty).' })
  @AwsConstraint('CreateMembership', 'tags{value}')
  value!: string;
}

@InputType({ description: 'Write query results to an S3 bucket.' })
export class ProtectedQueryS3OutputConfigurationInput {
  @Field(() => ResultFormatInput, { description: 'File format of the results.' })
  @AwsConstraint('CreateMembership', `${QUERY_S3}.resultFormat`)
  resultFormat!: string;

  @Field({ description: 'S3 bucket name (3-63 characters, lowercase DNS-style).' })
  @AwsConstraint('CreateMembership', `${QUERY_S3}.bucket`)
  bucket!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the S3 keys (up to 512 characters).',
  })
  @AwsConstraint('CreateMembership', `${QUERY_S3}.keyPrefix`)
  keyPrefix?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Write one file instead of several (Spark engine).',
  })
  singleFileOutput?: boolean;
}

@InputType({ description: 'Write job results to an S3 bucket.' })
export class ProtectedJobS3OutputConfigurationInput {
  @Field({ description: 'S3 bucket name (3-63 characters, lowercase DNS-style).' })
  @AwsConstraint('CreateMembership', `${JOB_S3}.bucket`)
  bucket!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the S3 keys (up to 512 characters).',
  })
  @AwsConstraint('CreateMembership', `${JOB_S3}.keyPrefix`)
  keyPrefix?: string;
}

@InputType({ description: 'Where query results go. Set exactly one member.' })
export class MembershipProtectedQueryOutputConfigurationInput {
  @Field(() => ProtectedQueryS3OutputConfigurationInput, {
    nullable: true,
    description: 'An S3 destination.',
  })
  @ValidateNested()
  s3?: ProtectedQueryS3OutputConfigurationInput;
}

@InputType({ description: 'Where job results go. Set exactly one member.' })
export class MembershipProtectedJobOutputConfigurationInput {
  @Field(() => ProtectedJobS3OutputConfigurationInput, {
    nullable: true,
    description: 'An S3 destination.',
  })
  @ValidateNested()
  s3?: ProtectedJobS3OutputConfigurationInput;
}

@InputType({ description: 'Default destination of query results.' })
export class MembershipProtectedQueryResultConfigurationInput {
  @Field(() => MembershipProtectedQueryOutputConfigurationInput, {
    description: 'Where the results go (exactly one member).',
  })
  @ExactlyOneMember(['s3'])
  @ValidateNested()
  outputConfiguration!: MembershipProtectedQueryOutputConfigurationInput;

  @Field(() => String, {
    nullable: true,
    description: 'IAM role Clean Rooms assumes to write the results.',
  })
  @AwsConstraint('CreateMembership', 'defaultResultConfiguration.roleArn')
  roleArn?: string;
}

@InputType({ description: 'Default destination of job results.' })
export class MembershipProtectedJobResultConfigurationInput {
  @Field(() => MembershipProtectedJobOutputConfigurationInput, {
    description: 'Where the results go (exactly one member).',
  })
  @ExactlyOneMember(['s3'])
  @ValidateNested()
  outputConfiguration!: MembershipProtectedJobOutputConfigurationInput;

  @Field({ description: 'IAM role Clean Rooms assumes to write the results.' })
  @AwsConstraint('CreateMembership', 'defaultJobResultConfiguration.roleArn')
  roleArn!: string;
}

/** Tags as AWS wants them: a map. */
export function tagMap(tags: TagInput[] | undefined | null): Record<string, string> | undefined {
  if (!tags) return undefined;
  return Object.fromEntries(tags.map((t) => [t.key, t.value]));
}
