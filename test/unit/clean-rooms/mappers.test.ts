/**
 * SDK output → domain: enum values newer than the gateway become UNKNOWN (the request does not
 * fail), tagged unions arrive as `{ s3 }`, `{ $unknown: [name, value] }` or `{}`, and a missing
 * required member is a DeserializationError naming it.
 */
import type {
  Collaboration as SdkCollaboration,
  MemberSummary as SdkMemberSummary,
  Membership as SdkMembership,
} from '@aws-sdk/client-cleanrooms';
import { UpstreamError } from '../../../src/clean-rooms/errors';
import {
  knownEnum,
  toCollaboration,
  toMemberSummary,
  toMembership,
  toMembershipSummary,
} from '../../../src/clean-rooms/mappers';

const CREATED = new Date('2026-01-05T09:00:00Z');
const UPDATED = new Date('2026-01-05T10:00:00Z');

function sdkMembership(overrides: Record<string, unknown> = {}): SdkMembership {
  return {
    id: 'e0000000-0000-4000-8000-000000000002',
    arn: 'arn:aws:cleanrooms:us-east-1:123456789012:membership/e0000000-0000-4000-8000-000000000002',
    collaborationArn:
      'arn:aws:cleanrooms:us-east-1:111111111111:collaboration/c0000000-0000-4000-8000-000000000001',
    collaborationId: 'c0000000-0000-4000-8000-000000000001',
    collaborationCreatorAccountId: '111111111111',
    collaborationCreatorDisplayName: 'Northwind Retail',
    collaborationName: 'Retail media measurement',
    createTime: CREATED,
    updateTime: UPDATED,
    status: 'ACTIVE',
    memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
    queryLogStatus: 'ENABLED',
    paymentConfiguration: { queryCompute: { isResponsible: true } },
    ...overrides,
  } as SdkMembership;
}

describe('toMembership', () => {
  it('maps a complete membership with both S3 output configurations', () => {
    const membership = toMembership(
      sdkMembership({
        jobLogStatus: 'DISABLED',
        isMetricsEnabled: false,
        mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
        defaultResultConfiguration: {
          outputConfiguration: {
            s3: {
              resultFormat: 'PARQUET',
              bucket: 'acme',
              keyPrefix: 'q/',
              singleFileOutput: true,
            },
          },
          roleArn: 'arn:aws:iam::123456789012:role/Results',
        },
        defaultJobResultConfiguration: {
          outputConfiguration: { s3: { bucket: 'acme-jobs' } },
          roleArn: 'arn:aws:iam::123456789012:role/Jobs',
        },
        paymentConfiguration: {
          queryCompute: { isResponsible: true },
          machineLearning: { modelTraining: { isResponsible: false } },
          jobCompute: { isResponsible: true },
        },
      }),
      'GetMembership',
    );
    expect(membership).toEqual({
      id: 'e0000000-0000-4000-8000-000000000002',
      arn: 'arn:aws:cleanrooms:us-east-1:123456789012:membership/e0000000-0000-4000-8000-000000000002',
      collaborationArn:
        'arn:aws:cleanrooms:us-east-1:111111111111:collaboration/c0000000-0000-4000-8000-000000000001',
      collaborationId: 'c0000000-0000-4000-8000-000000000001',
      collaborationCreatorAccountId: '111111111111',
      collaborationCreatorDisplayName: 'Northwind Retail',
      collaborationName: 'Retail media measurement',
      createTime: CREATED,
      updateTime: UPDATED,
      status: 'ACTIVE',
      memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
      mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
      paymentConfiguration: {
        queryCompute: { isResponsible: true },
        machineLearning: { modelTraining: { isResponsible: false } },
        jobCompute: { isResponsible: true },
      },
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'DISABLED',
      isMetricsEnabled: false,
      defaultResultConfiguration: {
        outputConfiguration: {
          kind: 's3',
          resultFormat: 'PARQUET',
          bucket: 'acme',
          keyPrefix: 'q/',
          singleFileOutput: true,
        },
        roleArn: 'arn:aws:iam::123456789012:role/Results',
      },
      defaultJobResultConfiguration: {
        outputConfiguration: { kind: 's3', bucket: 'acme-jobs', keyPrefix: undefined },
        roleArn: 'arn:aws:iam::123456789012:role/Jobs',
      },
    });
  });

  it('leaves absent optional members absent', () => {
    const membership = toMembership(sdkMembership(), 'GetMembership');
    expect(membership.jobLogStatus).toBeUndefined();
    expect(membership.defaultResultConfiguration).toBeUndefined();
    expect(membership.defaultJobResultConfiguration).toBeUndefined();
    expect(membership.mlMemberAbilities).toBeUndefined();
    expect(membership.isMetricsEnabled).toBeUndefined();
  });

  it('serves enum values newer than the gateway as UNKNOWN instead of failing', () => {
    const membership = toMembership(
      sdkMembership({
        status: 'SUSPENDED',
        memberAbilities: ['CAN_QUERY', 'CAN_FLY'],
        queryLogStatus: 'SAMPLED',
        jobLogStatus: 'ARCHIVED',
        mlMemberAbilities: { customMLMemberAbilities: ['CAN_DREAM'] },
        defaultResultConfiguration: {
          outputConfiguration: { s3: { resultFormat: 'AVRO', bucket: 'acme' } },
        },
      }),
      'GetMembership',
    );
    expect(membership.status).toBe('UNKNOWN');
    expect(membership.memberAbilities).toEqual(['CAN_QUERY', 'UNKNOWN']);
    expect(membership.queryLogStatus).toBe('UNKNOWN');
    expect(membership.jobLogStatus).toBe('UNKNOWN');
    expect(membership.mlMemberAbilities).toEqual({ customMLMemberAbilities: ['UNKNOWN'] });
    expect(membership.defaultResultConfiguration?.outputConfiguration).toMatchObject({
      kind: 's3',
      resultFormat: 'UNKNOWN',
      bucket: 'acme',
    });
  });

  it('keeps values the SDK model lacks but the newest API has (CAN_EXPORT_QUERY_ANALYSIS_LOG)', () => {
    const membership = toMembership(
      sdkMembership({ memberAbilities: ['CAN_EXPORT_QUERY_ANALYSIS_LOG'] }),
      'GetMembership',
    );
    expect(membership.memberAbilities).toEqual(['CAN_EXPORT_QUERY_ANALYSIS_LOG']);
  });

  it('maps an SDK $unknown output configuration to kind unknown with its member name', () => {
    const membership = toMembership(
      sdkMembership({
        defaultResultConfiguration: {
          outputConfiguration: { $unknown: ['gcs', { bucket: 'elsewhere' }] },
          roleArn: 'arn:aws:iam::123456789012:role/Results',
        },
        defaultJobResultConfiguration: {
          outputConfiguration: { $unknown: ['azureBlob', { container: 'c' }] },
          roleArn: 'arn:aws:iam::123456789012:role/Jobs',
        },
      }),
      'GetMembership',
    );
    expect(membership.defaultResultConfiguration).toEqual({
      outputConfiguration: { kind: 'unknown', memberName: 'gcs' },
      roleArn: 'arn:aws:iam::123456789012:role/Results',
    });
    expect(membership.defaultJobResultConfiguration).toEqual({
      outputConfiguration: { kind: 'unknown', memberName: 'azureBlob' },
      roleArn: 'arn:aws:iam::123456789012:role/Jobs',
    });
  });

  it('maps an output configuration with no recognizable member to kind unknown with an empty name', () => {
    const membership = toMembership(
      sdkMembership({
        defaultResultConfiguration: { outputConfiguration: {} },
        defaultJobResultConfiguration: { roleArn: 'arn:aws:iam::123456789012:role/Jobs' },
      }),
      'GetMembership',
    );
    expect(membership.defaultResultConfiguration?.outputConfiguration).toEqual({
      kind: 'unknown',
      memberName: '',
    });
    expect(membership.defaultJobResultConfiguration?.outputConfiguration).toEqual({
      kind: 'unknown',
      memberName: '',
    });
  });

  it.each([
    ['membership', undefined, 'membership'],
    ['id', sdkMembership({ id: undefined }), 'membership.id'],
    ['queryLogStatus', sdkMembership({ queryLogStatus: undefined }), 'membership.queryLogStatus'],
    [
      'paymentConfiguration',
      sdkMembership({ paymentConfiguration: undefined }),
      'membership.paymentConfiguration',
    ],
  ])('refuses a response without %s as a DeserializationError', (_name, input, path) => {
    let caught: unknown;
    try {
      toMembership(input, 'GetMembership');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpstreamError);
    expect(caught).toMatchObject({
      errorType: 'DeserializationError',
      operation: 'GetMembership',
      message: `The AWS response has no ${path}`,
    });
  });
});

describe('toMembershipSummary', () => {
  it('keeps only the summary members of a full membership', () => {
    const summary = toMembershipSummary(
      sdkMembership({ jobLogStatus: 'ENABLED', isMetricsEnabled: true }),
      'ListMemberships',
    );
    expect(Object.keys(summary).sort()).toEqual(
      [
        'arn',
        'collaborationArn',
        'collaborationCreatorAccountId',
        'collaborationCreatorDisplayName',
        'collaborationId',
        'collaborationName',
        'createTime',
        'id',
        'memberAbilities',
        'mlMemberAbilities',
        'paymentConfiguration',
        'status',
        'updateTime',
      ].sort(),
    );
  });
});

describe('toCollaboration and toMemberSummary', () => {
  const collaboration = {
    id: 'c0000000-0000-4000-8000-000000000001',
    arn: 'arn:aws:cleanrooms:us-east-1:111111111111:collaboration/c0000000-0000-4000-8000-000000000001',
    name: 'Retail media measurement',
    creatorAccountId: '111111111111',
    creatorDisplayName: 'Northwind Retail',
    createTime: CREATED,
    updateTime: UPDATED,
    memberStatus: 'ACTIVE',
    queryLogStatus: 'ENABLED',
  };

  it('serves new collaboration enum values as UNKNOWN', () => {
    const mapped = toCollaboration(
      {
        ...collaboration,
        memberStatus: 'PAUSED',
        queryLogStatus: 'SAMPLED',
        jobLogStatus: 'SAMPLED',
        analyticsEngine: 'QUANTUM',
        autoApprovedChangeTypes: ['ADD_MEMBER', 'REMOVE_EVERYONE'],
      } as unknown as SdkCollaboration,
      'GetCollaboration',
    );
    expect(mapped).toMatchObject({
      memberStatus: 'UNKNOWN',
      queryLogStatus: 'UNKNOWN',
      jobLogStatus: 'UNKNOWN',
      analyticsEngine: 'UNKNOWN',
      autoApprovedChangeTypes: ['ADD_MEMBER', 'UNKNOWN'],
    });
  });

  it('makes absent encryption flags false, as the API defines them', () => {
    const mapped = toCollaboration(
      { ...collaboration, dataEncryptionMetadata: { allowCleartext: true } } as SdkCollaboration,
      'GetCollaboration',
    );
    expect(mapped.dataEncryptionMetadata).toEqual({
      allowCleartext: true,
      allowDuplicates: false,
      allowJoinsOnColumnsWithDifferentNames: false,
      preserveNulls: false,
    });
  });

  it('serves new member statuses and abilities as UNKNOWN', () => {
    const member = toMemberSummary(
      {
        accountId: '222222222222',
        status: 'SUSPENDED',
        displayName: 'Contoso',
        abilities: ['CAN_FLY'],
        createTime: CREATED,
        updateTime: UPDATED,
        paymentConfiguration: { queryCompute: { isResponsible: false } },
      } as unknown as SdkMemberSummary,
      'ListMembers',
    );
    expect(member).toMatchObject({ status: 'UNKNOWN', abilities: ['UNKNOWN'] });
  });
});

describe('knownEnum', () => {
  it('keeps known values and turns others into UNKNOWN', () => {
    expect(knownEnum('ResultFormat', 'CSV')).toBe('CSV');
    expect(knownEnum('ResultFormat', 'csv')).toBe('UNKNOWN');
    expect(knownEnum('MembershipStatus', 'COLLABORATION_DELETED')).toBe('COLLABORATION_DELETED');
    expect(knownEnum('MembershipStatus', '')).toBe('UNKNOWN');
  });
});
