/**
 * Where a membership's query and job results go. AWS models these as tagged unions with one
 * member today (`s3`); a member added later surfaces as `UnknownOutputConfiguration` instead of
 * null, so clients can tell "not configured" from "configured in a way this gateway can't show".
 */
import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ResultFormat } from './enums';

@ObjectType({ description: 'Query results written to an S3 bucket.' })
export class ProtectedQueryS3OutputConfiguration {
  @Field(() => ResultFormat, { description: 'File format of the results.' })
  resultFormat!: string;

  @Field({ description: 'Name of the S3 bucket that receives the results.' })
  bucket!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the S3 keys the results are written under.',
  })
  keyPrefix?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Write the results as one file instead of several (honoured by the Spark engine).',
  })
  singleFileOutput?: boolean;
}

@ObjectType({ description: 'Job results written to an S3 bucket.' })
export class ProtectedJobS3OutputConfiguration {
  @Field({ description: 'Name of the S3 bucket that receives the results.' })
  bucket!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the S3 keys the results are written under.',
  })
  keyPrefix?: string;
}

@ObjectType({
  description:
    'An output configuration of a kind this gateway does not know yet (added to Clean Rooms after this version).',
})
export class UnknownOutputConfiguration {
  @Field({
    description:
      'The name of the configuration kind as AWS sent it; empty when the response named no recognizable kind.',
  })
  memberName!: string;
}

/** Sources are domain values (`kind: 's3' | 'unknown'`), not instances of these classes. */
const byKind = (s3TypeName: string) => (value: object) =>
  (value as { kind?: string }).kind === 's3' ? s3TypeName : 'UnknownOutputConfiguration';

export const MembershipProtectedQueryOutputConfiguration = createUnionType({
  name: 'MembershipProtectedQueryOutputConfiguration',
  description: 'Where query results are delivered.',
  types: () => [ProtectedQueryS3OutputConfiguration, UnknownOutputConfiguration] as const,
  resolveType: byKind('ProtectedQueryS3OutputConfiguration'),
});

export const MembershipProtectedJobOutputConfiguration = createUnionType({
  name: 'MembershipProtectedJobOutputConfiguration',
  description: 'Where job results are delivered.',
  types: () => [ProtectedJobS3OutputConfiguration, UnknownOutputConfiguration] as const,
  resolveType: byKind('ProtectedJobS3OutputConfiguration'),
});

@ObjectType({ description: 'Default destination of query results for a membership.' })
export class MembershipProtectedQueryResultConfiguration {
  @Field(() => MembershipProtectedQueryOutputConfiguration, {
    description: 'Where the results go.',
  })
  outputConfiguration!: typeof MembershipProtectedQueryOutputConfiguration;

  @Field(() => String, {
    nullable: true,
    description: 'IAM role Clean Rooms assumes to write the results; absent when none is set.',
  })
  roleArn?: string;
}

@ObjectType({ description: 'Default destination of job results for a membership.' })
export class MembershipProtectedJobResultConfiguration {
  @Field(() => MembershipProtectedJobOutputConfiguration, { description: 'Where the results go.' })
  outputConfiguration!: typeof MembershipProtectedJobOutputConfiguration;

  @Field({ description: 'IAM role Clean Rooms assumes to write the results.' })
  roleArn!: string;
}
