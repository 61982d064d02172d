/**
 * Small value types shared by memberships, collaborations and members: payment
 * responsibilities, ML abilities, encryption settings and tags.
 */
import { Field, ObjectType } from 'type-graphql';
import { CustomMLMemberAbility } from './enums';

@ObjectType({ description: 'Whether a member pays for one kind of compute.' })
export class PaymentResponsibility {
  @Field({ description: 'True when this member pays for this kind of compute.' })
  isResponsible!: boolean;
}

@ObjectType({ description: 'Who pays for each kind of machine-learning compute.' })
export class MLPaymentConfig {
  @Field(() => PaymentResponsibility, { nullable: true, description: 'Training custom models.' })
  modelTraining?: PaymentResponsibility;

  @Field(() => PaymentResponsibility, {
    nullable: true,
    description: 'Running inference with custom models.',
  })
  modelInference?: PaymentResponsibility;

  @Field(() => PaymentResponsibility, { nullable: true, description: 'Generating synthetic data.' })
  syntheticDataGeneration?: PaymentResponsibility;
}

@ObjectType({
  description:
    'Payment responsibilities. On a member, what the collaboration creator designated; on a membership, what the member accepted.',
})
export class PaymentConfiguration {
  @Field(() => PaymentResponsibility, { description: 'Compute used by queries.' })
  queryCompute!: PaymentResponsibility;

  @Field(() => MLPaymentConfig, { nullable: true, description: 'Machine-learning compute.' })
  machineLearning?: MLPaymentConfig;

  @Field(() => PaymentResponsibility, { nullable: true, description: 'Compute used by jobs.' })
  jobCompute?: PaymentResponsibility;
}

@ObjectType({ description: 'What a member may receive from custom machine-learning models.' })
export class MLMemberAbilities {
  @Field(() => [CustomMLMemberAbility], { description: 'The machine-learning abilities granted.' })
  customMLMemberAbilities!: string[];
}

@ObjectType({ description: 'Cryptographic computing settings of a collaboration.' })
export class DataEncryptionMetadata {
  @Field({ description: 'Whether columns may hold cleartext (unencrypted) data.' })
  allowCleartext!: boolean;

  @Field({ description: 'Whether encrypted fingerprint columns may contain duplicate values.' })
  allowDuplicates!: boolean;

  @Field({ description: 'Whether encrypted columns with different names may be joined.' })
  allowJoinsOnColumnsWithDifferentNames!: boolean;

  @Field({ description: 'Whether null values stay null instead of being encrypted.' })
  preserveNulls!: boolean;
}

@ObjectType({ description: 'A key/value label attached to a resource.' })
export class Tag {
  @Field({ description: 'The tag key.' })
  key!: string;

  @Field({ description: 'The tag value (may be empty).' })
  value!: string;
}
