/**
 * SDK output → domain objects. The one place that knows the SDK's quirks: every member typed
 * `T | undefined`, enum strings newer than the model, and the three shapes a tagged union can
 * arrive in (`{ s3 }`, `{ $unknown: [name, value] }`, and `{}`).
 */
import type {
  Collaboration as SdkCollaboration,
  CollaborationSummary as SdkCollaborationSummary,
  MemberSummary as SdkMemberSummary,
  Membership as SdkMembership,
  MembershipSummary as SdkMembershipSummary,
  MembershipPaymentConfiguration as SdkMembershipPaymentConfiguration,
  PaymentConfiguration as SdkPaymentConfiguration,
  MembershipProtectedQueryResultConfiguration as SdkQueryResultConfiguration,
  MembershipProtectedJobResultConfiguration as SdkJobResultConfiguration,
  MLMemberAbilities as SdkMLMemberAbilities,
} from '@aws-sdk/client-cleanrooms';
import { ENUMS, UNKNOWN_ENUM_VALUE, type EnumName } from '../constraints/enums';
import { logger } from '../shared/logger';
import { UpstreamError } from './errors';
import {
  type Collaboration,
  type CollaborationSummary,
  type JobResultConfiguration,
  type MemberSummary,
  type MLMemberAbilities,
  type Membership,
  type MembershipSummary,
  type PaymentConfiguration,
  type QueryResultConfiguration,
  type UnknownOutput,
} from './types';

const reported = new Set<string>();

/**
 * Keeps a known enum value; turns a value newer than this gateway into `UNKNOWN` (logged once
 * per value) so one new AWS value neither fails the request nor nulls the object.
 */
export function knownEnum(name: EnumName, value: string): string {
  if ((ENUMS[name] as readonly string[]).includes(value)) return value;
  const key = `${name}:${value}`;
  if (!reported.has(key)) {
    reported.add(key);
    logger.warn(
      { enum: name, value },
      'AWS returned an enum value this gateway does not know; served as UNKNOWN',
    );
  }
  return UNKNOWN_ENUM_VALUE;
}

function required<T>(value: T | undefined | null, path: string, operation: string): T {
  if (value === undefined || value === null) {
    throw new UpstreamError(
      'DeserializationError',
      `The AWS response has no ${path}`,
      operation,
      undefined,
      undefined,
    );
  }
  return value;
}

function mlAbilities(value: SdkMLMemberAbilities | undefined): MLMemberAbilities | undefined {
  if (!value) return undefined;
  return {
    customMLMemberAbilities: (value.customMLMemberAbilities ?? []).map((v) =>
      knownEnum('CustomMLMemberAbility', v),
    ),
  };
}

function payment(
  value: SdkPaymentConfiguration | SdkMembershipPaymentConfiguration | undefined,
  path: string,
  operation: string,
): PaymentConfiguration {
  const v = required(value, path, operation);
  const flag = (r: { isResponsible?: boolean } | undefined) =>
    r ? { isResponsible: r.isResponsible === true } : undefined;
  const ml = v.machineLearning;
  return {
    queryCompute: {
      isResponsible:
        required(v.queryCompute, `${path}.queryCompute`, operation).isResponsible === true,
    },
    ...(ml
      ? {
          machineLearning: {
            modelTraining: flag(ml.modelTraining),
            modelInference: flag(ml.modelInference),
            syntheticDataGeneration: flag(ml.syntheticDataGeneration),
          },
        }
      : {}),
    ...(v.jobCompute ? { jobCompute: flag(v.jobCompute) } : {}),
  };
}

/** The SDK's union value: `{ s3 }`, `{ $unknown: [name, value] }`, or `{}`. */
interface SdkUnion<S> {
  s3?: S;
  $unknown?: [string, unknown];
}

function unknownMember(union: SdkUnion<unknown>): UnknownOutput {
  return { kind: 'unknown', memberName: union.$unknown?.[0] ?? '' };
}

function queryResultConfiguration(
  value: SdkQueryResultConfiguration | undefined,
): QueryResultConfiguration | undefined {
  if (!value) return undefined;
  const union = (value.outputConfiguration ?? {}) as SdkUnion<{
    resultFormat?: string;
    bucket?: string;
    keyPrefix?: string;
    singleFileOutput?: boolean;
  }>;
  const s3 = union.s3;
  return {
    outputConfiguration: s3
      ? {
          kind: 's3',
          resultFormat: knownEnum('ResultFormat', s3.resultFormat ?? ''),
          bucket: s3.bucket ?? '',
          keyPrefix: s3.keyPrefix,
          singleFileOutput: s3.singleFileOutput,
        }
      : unknownMember(union),
    roleArn: value.roleArn,
  };
}

function jobResultConfiguration(
  value: SdkJobResultConfiguration | undefined,
): JobResultConfiguration | undefined {
  if (!value) return undefined;
  const union = (value.outputConfiguration ?? {}) as SdkUnion<{
    bucket?: string;
    keyPrefix?: string;
  }>;
  const s3 = union.s3;
  return {
    outputConfiguration: s3
      ? { kind: 's3', bucket: s3.bucket ?? '', keyPrefix: s3.keyPrefix }
      : unknownMember(union),
    roleArn: value.roleArn,
  };
}

export function toMembershipSummary(
  m: SdkMembershipSummary | SdkMembership | undefined,
  operation: string,
): MembershipSummary {
  const v = required(m, 'membership', operation);
  const r = <T>(value: T | undefined, name: string) =>
    required(value, `membership.${name}`, operation);
  return {
    id: r(v.id, 'id'),
    arn: r(v.arn, 'arn'),
    collaborationArn: r(v.collaborationArn, 'collaborationArn'),
    collaborationId: r(v.collaborationId, 'collaborationId'),
    collaborationCreatorAccountId: r(
      v.collaborationCreatorAccountId,
      'collaborationCreatorAccountId',
    ),
    collaborationCreatorDisplayName: r(
      v.collaborationCreatorDisplayName,
      'collaborationCreatorDisplayName',
    ),
    collaborationName: r(v.collaborationName, 'collaborationName'),
    createTime: r(v.createTime, 'createTime'),
    updateTime: r(v.updateTime, 'updateTime'),
    status: knownEnum('MembershipStatus', r(v.status, 'status')),
    memberAbilities: r(v.memberAbilities, 'memberAbilities').map((a) =>
      knownEnum('MemberAbility', a),
    ),
    mlMemberAbilities: mlAbilities(v.mlMemberAbilities),
    paymentConfiguration: payment(
      v.paymentConfiguration,
      'membership.paymentConfiguration',
      operation,
    ),
  };
}

export function toMembership(m: SdkMembership | undefined, operation: string): Membership {
  const summary = toMembershipSummary(m, operation);
  const v = m as SdkMembership;
  return {
    ...summary,
    queryLogStatus: knownEnum(
      'MembershipQueryLogStatus',
      required(v.queryLogStatus, 'membership.queryLogStatus', operation),
    ),
    jobLogStatus:
      v.jobLogStatus === undefined
        ? undefined
        : knownEnum('MembershipJobLogStatus', v.jobLogStatus),
    defaultResultConfiguration: queryResultConfiguration(v.defaultResultConfiguration),
    defaultJobResultConfiguration: jobResultConfiguration(v.defaultJobResultConfiguration),
    isMetricsEnabled: v.isMetricsEnabled,
  };
}

export function toCollaborationSummary(
  c: SdkCollaborationSummary | SdkCollaboration | undefined,
  operation: string,
): CollaborationSummary {
  const v = required(c, 'collaboration', operation);
  const r = <T>(value: T | undefined, name: string) =>
    required(value, `collaboration.${name}`, operation);
  return {
    id: r(v.id, 'id'),
    arn: r(v.arn, 'arn'),
    name: r(v.name, 'name'),
    creatorAccountId: r(v.creatorAccountId, 'creatorAccountId'),
    creatorDisplayName: r(v.creatorDisplayName, 'creatorDisplayName'),
    createTime: r(v.createTime, 'createTime'),
    updateTime: r(v.updateTime, 'updateTime'),
    memberStatus: knownEnum('MemberStatus', r(v.memberStatus, 'memberStatus')),
    membershipId: v.membershipId,
    membershipArn: v.membershipArn,
    analyticsEngine:
      v.analyticsEngine === undefined ? undefined : knownEnum('AnalyticsEngine', v.analyticsEngine),
  };
}

export function toCollaboration(c: SdkCollaboration | undefined, operation: string): Collaboration {
  const summary = toCollaborationSummary(c, operation);
  const v = c as SdkCollaboration;
  return {
    ...summary,
    description: v.description,
    dataEncryptionMetadata: v.dataEncryptionMetadata
      ? {
          allowCleartext: v.dataEncryptionMetadata.allowCleartext === true,
          allowDuplicates: v.dataEncryptionMetadata.allowDuplicates === true,
          allowJoinsOnColumnsWithDifferentNames:
            v.dataEncryptionMetadata.allowJoinsOnColumnsWithDifferentNames === true,
          preserveNulls: v.dataEncryptionMetadata.preserveNulls === true,
        }
      : undefined,
    queryLogStatus: knownEnum(
      'CollaborationQueryLogStatus',
      required(v.queryLogStatus, 'collaboration.queryLogStatus', operation),
    ),
    jobLogStatus:
      v.jobLogStatus === undefined
        ? undefined
        : knownEnum('CollaborationJobLogStatus', v.jobLogStatus),
    autoApprovedChangeTypes: v.autoApprovedChangeTypes?.map((t) =>
      knownEnum('AutoApprovedChangeType', t),
    ),
    allowedResultRegions: v.allowedResultRegions,
    isMetricsEnabled: v.isMetricsEnabled,
  };
}

export function toMemberSummary(m: SdkMemberSummary, operation: string): MemberSummary {
  const r = <T>(value: T | undefined, name: string) =>
    required(value, `memberSummaries[].${name}`, operation);
  return {
    accountId: r(m.accountId, 'accountId'),
    status: knownEnum('MemberStatus', r(m.status, 'status')),
    displayName: r(m.displayName, 'displayName'),
    abilities: r(m.abilities, 'abilities').map((a) => knownEnum('MemberAbility', a)),
    mlAbilities: mlAbilities(m.mlAbilities),
    createTime: r(m.createTime, 'createTime'),
    updateTime: r(m.updateTime, 'updateTime'),
    membershipId: m.membershipId,
    membershipArn: m.membershipArn,
    paymentConfiguration: payment(
      m.paymentConfiguration,
      'memberSummaries[].paymentConfiguration',
      operation,
    ),
  };
}
