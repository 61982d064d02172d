/**
 * The output-configuration unions through the built schema: domain values of kind `s3` resolve
 * to the S3 types, anything else to UnknownOutputConfiguration — and a whole membership with
 * values newer than the gateway is served (UNKNOWN enums, unknown union members) instead of
 * failing, executed against the schema with a stubbed SDK client.
 */
import type { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { graphql, type GraphQLSchema, type GraphQLUnionType } from 'graphql';
import { createContext } from '../../../src/context';
import { logger } from '../../../src/shared/logger';
import { buildGatewaySchema } from '../../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

function union(name: string): GraphQLUnionType {
  return schema.getType(name) as GraphQLUnionType;
}

describe('union resolveType', () => {
  it.each([
    ['MembershipProtectedQueryOutputConfiguration', 'ProtectedQueryS3OutputConfiguration'],
    ['MembershipProtectedJobOutputConfiguration', 'ProtectedJobS3OutputConfiguration'],
  ])(
    '%s resolves kind s3 to %s and anything else to UnknownOutputConfiguration',
    async (name, s3) => {
      // type-graphql's resolver map makes resolveType async.
      const resolve = union(name).resolveType as (value: unknown) => unknown;
      const resolveType = (value: unknown) => Promise.resolve(resolve(value));
      expect(
        union(name)
          .getTypes()
          .map((t) => t.name),
      ).toEqual([s3, 'UnknownOutputConfiguration']);
      await expect(resolveType({ kind: 's3', bucket: 'b' })).resolves.toBe(s3);
      await expect(resolveType({ kind: 'unknown', memberName: 'gcs' })).resolves.toBe(
        'UnknownOutputConfiguration',
      );
      await expect(resolveType({ kind: 'unknown', memberName: '' })).resolves.toBe(
        'UnknownOutputConfiguration',
      );
      await expect(resolveType({})).resolves.toBe('UnknownOutputConfiguration');
    },
  );
});

describe('a membership newer than the gateway', () => {
  const ID = 'e0000000-0000-4000-8000-000000000002';
  const QUERY = `{
    membership(id: "${ID}") {
      id status memberAbilities queryLogStatus
      defaultResultConfiguration {
        roleArn
        outputConfiguration {
          __typename
          ... on UnknownOutputConfiguration { memberName }
          ... on ProtectedQueryS3OutputConfiguration { bucket }
        }
      }
      defaultJobResultConfiguration {
        outputConfiguration {
          __typename
          ... on UnknownOutputConfiguration { memberName }
          ... on ProtectedJobS3OutputConfiguration { bucket }
        }
      }
    }
  }`;

  function stubClient(membership: Record<string, unknown>) {
    const send = jest.fn(async () => ({ membership }));
    return { client: { send } as unknown as CleanRoomsClient, send };
  }

  const membership = (overrides: Record<string, unknown>) => ({
    id: ID,
    arn: `arn:aws:cleanrooms:us-east-1:123456789012:membership/${ID}`,
    collaborationArn:
      'arn:aws:cleanrooms:us-east-1:111111111111:collaboration/c0000000-0000-4000-8000-000000000001',
    collaborationId: 'c0000000-0000-4000-8000-000000000001',
    collaborationCreatorAccountId: '111111111111',
    collaborationCreatorDisplayName: 'Northwind Retail',
    collaborationName: 'Retail media measurement',
    createTime: new Date('2026-01-05T09:00:00Z'),
    updateTime: new Date('2026-01-05T10:00:00Z'),
    status: 'ACTIVE',
    memberAbilities: ['CAN_QUERY'],
    queryLogStatus: 'ENABLED',
    paymentConfiguration: { queryCompute: { isResponsible: true } },
    ...overrides,
  });

  async function run(client: CleanRoomsClient) {
    return graphql({
      schema,
      source: QUERY,
      contextValue: createContext({
        client,
        logger,
        upstreamConcurrency: 4,
        maxUpstreamCalls: 10,
      }),
    });
  }

  it('serves unknown enum values as UNKNOWN and unknown union members by name', async () => {
    const { client, send } = stubClient(
      membership({
        status: 'SUSPENDED',
        memberAbilities: ['CAN_QUERY', 'CAN_FLY'],
        queryLogStatus: 'SAMPLED',
        defaultResultConfiguration: {
          outputConfiguration: { $unknown: ['gcs', { bucket: 'elsewhere' }] },
          roleArn: 'arn:aws:iam::123456789012:role/Results',
        },
        defaultJobResultConfiguration: {
          outputConfiguration: {},
          roleArn: 'arn:aws:iam::123456789012:role/Jobs',
        },
      }),
    );
    const result = await run(client);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      membership: {
        id: ID,
        status: 'UNKNOWN',
        memberAbilities: ['CAN_QUERY', 'UNKNOWN'],
        queryLogStatus: 'UNKNOWN',
        defaultResultConfiguration: {
          roleArn: 'arn:aws:iam::123456789012:role/Results',
          outputConfiguration: { __typename: 'UnknownOutputConfiguration', memberName: 'gcs' },
        },
        defaultJobResultConfiguration: {
          outputConfiguration: { __typename: 'UnknownOutputConfiguration', memberName: '' },
        },
      },
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('serves S3 configurations as the S3 types', async () => {
    const { client } = stubClient(
      membership({
        defaultResultConfiguration: {
          outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'acme-query' } },
        },
        defaultJobResultConfiguration: {
          outputConfiguration: { s3: { bucket: 'acme-jobs' } },
          roleArn: 'arn:aws:iam::123456789012:role/Jobs',
        },
      }),
    );
    const result = await run(client);
    expect(result.errors).toBeUndefined();
    expect(result.data?.membership).toMatchObject({
      defaultResultConfiguration: {
        roleArn: null,
        outputConfiguration: {
          __typename: 'ProtectedQueryS3OutputConfiguration',
          bucket: 'acme-query',
        },
      },
      defaultJobResultConfiguration: {
        outputConfiguration: {
          __typename: 'ProtectedJobS3OutputConfiguration',
          bucket: 'acme-jobs',
        },
      },
    });
  });
});
