/**
 * Mutations: their results prime the request's loaders (no Get for what the mutation returned),
 * changes clear what they make stale, and reads later in the same request see the new values.
 * Every test starts from a fresh demo seed.
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { ACME, IDS, expectSafeErrors, onlyError } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
// Clears state and counters: every test starts from the demo seed with zero calls.
beforeEach(() => gw.emulator.reset(true));

async function data<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const { status, body } = await gw.gql<T>(query, variables);
  expectSafeErrors(body);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

const RESULTS = `defaultResultConfiguration {
  roleArn
  outputConfiguration {
    __typename
    ... on ProtectedQueryS3OutputConfiguration { bucket keyPrefix resultFormat singleFileOutput }
  }
}`;

const NEW_RESULTS = {
  outputConfiguration: {
    s3: { resultFormat: 'CSV', bucket: 'acme-new-results', keyPrefix: 'v2/' },
  },
  roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResultsV2`,
};

const NEW_RESULTS_OUT = {
  roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResultsV2`,
  outputConfiguration: {
    __typename: 'ProtectedQueryS3OutputConfiguration',
    bucket: 'acme-new-results',
    keyPrefix: 'v2/',
    resultFormat: 'CSV',
    singleFileOutput: null,
  },
};

describe('createMembership', () => {
  it('answers the created membership and its collaboration identity with exactly one AWS call', async () => {
    const result = await data<{
      createMembership: { id: string; queryLogStatus: string; collaboration: { name: string } };
    }>(`mutation {
      createMembership(input: { collaborationIdentifier: "${IDS.mlPilot}", queryLogStatus: ENABLED }) {
        id status queryLogStatus jobLogStatus memberAbilities
        collaboration { id name creatorAccountId }
      }
    }`);
    expect(gw.calls()).toEqual({ CreateMembership: 1 });
    expect(result.createMembership).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'ACTIVE',
      queryLogStatus: 'ENABLED',
      jobLogStatus: null,
      memberAbilities: ['CAN_RECEIVE_RESULTS'],
      collaboration: {
        id: IDS.mlPilot,
        name: 'Clean rooms ML pilot',
        creatorAccountId: '333333333333',
      },
    });

    // The membership exists at AWS: a new request loads it.
    gw.resetCalls();
    const again = await data(
      `{ membership(id: "${result.createMembership.id}") { status collaborationId } }`,
    );
    expect(again).toEqual({ membership: { status: 'ACTIVE', collaborationId: IDS.mlPilot } });
    expect(gw.calls()).toEqual({ GetMembership: 1 });
  });

  it('accepts the same input through a variable and serves every input member back', async () => {
    const result = await data<{ createMembership: Record<string, unknown> }>(
      `mutation ($input: CreateMembershipInput!) {
        createMembership(input: $input) {
          queryLogStatus jobLogStatus ${RESULTS}
          defaultJobResultConfiguration { roleArn outputConfiguration { ... on ProtectedJobS3OutputConfiguration { bucket keyPrefix } } }
          tags { key value }
        }
      }`,
      {
        input: {
          collaborationIdentifier: IDS.mlPilot,
          queryLogStatus: 'DISABLED',
          jobLogStatus: 'DISABLED',
          defaultResultConfiguration: NEW_RESULTS,
          defaultJobResultConfiguration: {
            outputConfiguration: { s3: { bucket: 'acme-jobs' } },
            roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsJobs`,
          },
          tags: [
            { key: 'team', value: 'ml' },
            { key: 'env', value: '' },
          ],
        },
      },
    );
    // Tags are not part of the CreateMembership answer: one ListTagsForResource.
    expect(gw.calls()).toEqual({ CreateMembership: 1, ListTagsForResource: 1 });
    expect(result.createMembership).toEqual({
      queryLogStatus: 'DISABLED',
      jobLogStatus: 'DISABLED',
      defaultResultConfiguration: NEW_RESULTS_OUT,
      defaultJobResultConfiguration: {
        roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsJobs`,
        outputConfiguration: { bucket: 'acme-jobs', keyPrefix: null },
      },
      tags: [
        { key: 'env', value: '' },
        { key: 'team', value: 'ml' },
      ],
    });
  });

  it('serves the joined collaboration as ACTIVE in nested reads of the same request', async () => {
    const result = await data<{
      createMembership: {
        id: string;
        collaboration: {
          memberStatus: string;
          membershipId: string;
          membership: { id: string; queryLogStatus: string };
          members: { nodes: Array<{ accountId: string; status: string; membership: unknown }> };
        };
      };
    }>(`mutation {
      createMembership(input: { collaborationIdentifier: "${IDS.mlPilot}", queryLogStatus: ENABLED }) {
        id
        collaboration {
          memberStatus membershipId
          membership { id queryLogStatus }
          members { nodes { accountId status membershipId membership { id } } }
        }
      }
    }`);
    const { id, collaboration } = result.createMembership;
    expect(collaboration.memberStatus).toBe('ACTIVE');
    expect(collaboration.membershipId).toBe(id);
    expect(collaboration.membership).toEqual({ id, queryLogStatus: 'ENABLED' });
    expect(collaboration.members.nodes).toEqual([
      {
        accountId: '333333333333',
        status: 'ACTIVE',
        membershipId: IDS.fabrikamPilotMembership,
        membership: null,
      },
      { accountId: ACME, status: 'ACTIVE', membershipId: id, membership: { id } },
      { accountId: '222222222222', status: 'INVITED', membershipId: null, membership: null },
    ]);
    // Everything about the new membership came from the CreateMembership answer.
    expect(gw.calls()).toEqual({ CreateMembership: 1, ListMembers: 1 });
  });

  it('lets a collaboration creator join its own new collaboration', async () => {
    const created = await data<{ createCollaboration: { id: string } }>(`mutation {
      createCollaboration(input: {
        name: "Own collaboration", creatorDisplayName: "Acme Analytics",
        creatorMemberAbilities: [CAN_QUERY, CAN_RECEIVE_RESULTS], queryLogStatus: ENABLED, members: []
      }) { id }
    }`);
    gw.resetCalls();
    const joined = await data<{
      createMembership: {
        collaborationCreatorAccountId: string;
        collaboration: { memberStatus: string };
      };
    }>(`mutation {
      createMembership(input: { collaborationIdentifier: "${created.createCollaboration.id}", queryLogStatus: ENABLED }) {
        collaborationCreatorAccountId collaboration { memberStatus }
      }
    }`);
    expect(joined.createMembership).toEqual({
      collaborationCreatorAccountId: ACME,
      collaboration: { memberStatus: 'ACTIVE' },
    });
    expect(gw.calls()).toEqual({ CreateMembership: 1 });
  });
});

describe('updateMembership', () => {
  it('answers the updated membership with exactly one AWS call', async () => {
    const result = await data(
      `mutation ($input: UpdateMembershipInput!) {
        updateMembership(input: $input) { id queryLogStatus ${RESULTS} }
      }`,
      {
        input: {
          membershipIdentifier: IDS.acmeRetailMembership,
          queryLogStatus: 'DISABLED',
          defaultResultConfiguration: NEW_RESULTS,
        },
      },
    );
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
    expect(result).toEqual({
      updateMembership: {
        id: IDS.acmeRetailMembership,
        queryLogStatus: 'DISABLED',
        defaultResultConfiguration: NEW_RESULTS_OUT,
      },
    });

    gw.resetCalls();
    const stored = await data(
      `{ membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus ${RESULTS} } }`,
    );
    expect(stored).toEqual({
      membership: { queryLogStatus: 'DISABLED', defaultResultConfiguration: NEW_RESULTS_OUT },
    });
  });

  it('leaves omitted members unchanged (PATCH)', async () => {
    const result = await data(`mutation {
      updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", jobLogStatus: DISABLED }) {
        queryLogStatus jobLogStatus isMetricsEnabled ${RESULTS}
        defaultJobResultConfiguration { roleArn }
      }
    }`);
    expect(result).toEqual({
      updateMembership: {
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'DISABLED',
        isMetricsEnabled: true,
        defaultResultConfiguration: {
          roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResults`,
          outputConfiguration: {
            __typename: 'ProtectedQueryS3OutputConfiguration',
            bucket: 'acme-query-results',
            keyPrefix: 'retail/',
            resultFormat: 'PARQUET',
            singleFileOutput: true,
          },
        },
        defaultJobResultConfiguration: {
          roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsJobResults`,
        },
      },
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
  });

  it('refuses an explicit null result configuration without changing anything', async () => {
    const { body } = await gw.gql(
      `mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) { id } }`,
      {
        input: { membershipIdentifier: IDS.acmeRetailMembership, defaultResultConfiguration: null },
      },
    );
    const error = onlyError(body);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual([
      { path: 'defaultResultConfiguration', message: expect.stringMatching(/cannot be cleared/) },
    ]);
    expect(gw.totalCalls()).toBe(0);

    const stored = await data<{ membership: { defaultResultConfiguration: { roleArn: string } } }>(
      `{ membership(id: "${IDS.acmeRetailMembership}") { defaultResultConfiguration { roleArn } } }`,
    );
    expect(stored.membership.defaultResultConfiguration).toEqual({
      roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResults`,
    });
  });

  it('serves later fields of the same request the updated values, never the earlier ones', async () => {
    const result = await data(`mutation {
      before: updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}" }) {
        queryLogStatus jobLogStatus tags { key }
        collaboration { membership { queryLogStatus } }
      }
      change: updateMembership(input: {
        membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: DISABLED, jobLogStatus: DISABLED
      }) { id }
      after: updateMembership(input: { membershipIdentifier: "${IDS.acmeAudienceMembership}" }) {
        collaboration { id }
      }
      read: updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}" }) {
        queryLogStatus jobLogStatus
        collaboration { membership { queryLogStatus jobLogStatus } }
      }
    }`);
    expect(result).toEqual({
      before: {
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'ENABLED',
        tags: [{ key: 'cost-center' }, { key: 'team' }],
        collaboration: { membership: { queryLogStatus: 'ENABLED' } },
      },
      change: { id: IDS.acmeRetailMembership },
      after: { collaboration: { id: IDS.audienceOverlap } },
      read: {
        queryLogStatus: 'DISABLED',
        jobLogStatus: 'DISABLED',
        collaboration: { membership: { queryLogStatus: 'DISABLED', jobLogStatus: 'DISABLED' } },
      },
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 4, ListTagsForResource: 1 });
  });

  it('serves the new values to nested reads of the updated membership in one call', async () => {
    const result = await data(`mutation {
      u: updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: DISABLED }) {
        queryLogStatus
        collaboration { name membership { id queryLogStatus } }
      }
    }`);
    expect(result).toEqual({
      u: {
        queryLogStatus: 'DISABLED',
        collaboration: {
          name: 'Retail media measurement',
          membership: { id: IDS.acmeRetailMembership, queryLogStatus: 'DISABLED' },
        },
      },
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
  });
});

describe('deleteMembership', () => {
  it('returns the id, and the membership is gone for later requests', async () => {
    const result = await data(`mutation { deleteMembership(id: "${IDS.acmeRetailMembership}") }`);
    expect(result).toEqual({ deleteMembership: IDS.acmeRetailMembership });
    expect(gw.calls()).toEqual({ DeleteMembership: 1 });

    gw.resetCalls();
    const { body } = await gw.gql<{ memberships: { nodes: Array<{ id: string }> } }>(`{
      membership(id: "${IDS.acmeRetailMembership}") { id }
      memberships { nodes { id } }
      collaborations { nodes { id } }
    }`);
    expect(onlyError(body).extensions?.code).toBe('NOT_FOUND');
    expect(body.data).toEqual({
      membership: null,
      memberships: {
        nodes: [
          { id: IDS.acmeAudienceMembership },
          { id: IDS.acmeLoyaltyMembership },
          { id: IDS.acmeBrandLiftMembership },
        ],
      },
      // Acme LEFT Retail media measurement: it no longer sees it.
      collaborations: { nodes: [{ id: IDS.audienceOverlap }, { id: IDS.mlPilot }] },
    });
  });

  it('refuses to let the creator leave its own collaboration', async () => {
    const { body } = await gw.gql(
      `mutation { deleteMembership(id: "${IDS.acmeAudienceMembership}") }`,
    );
    expect(onlyError(body).extensions).toMatchObject({
      code: 'CONFLICT',
      aws: { errorType: 'ConflictException' },
      reason: 'INVALID_STATE',
    });
  });
});

describe('createCollaboration', () => {
  it('answers the created collaboration from the CreateCollaboration result', async () => {
    const result = await data<{ createCollaboration: Record<string, unknown> }>(
      `mutation ($input: CreateCollaborationInput!) {
        createCollaboration(input: $input) {
          id arn name description creatorAccountId creatorDisplayName memberStatus membershipId
          queryLogStatus jobLogStatus analyticsEngine allowedResultRegions isMetricsEnabled
          dataEncryptionMetadata { allowCleartext preserveNulls }
          membership { id }
          members { nodes { accountId displayName status abilities paymentConfiguration { queryCompute { isResponsible } } } }
        }
      }`,
      {
        input: {
          name: 'Campaign reach',
          description: 'Reach of a joint campaign',
          creatorDisplayName: 'Acme Analytics',
          creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
          queryLogStatus: 'ENABLED',
          jobLogStatus: 'DISABLED',
          analyticsEngine: 'CLEAN_ROOMS_SQL',
          allowedResultRegions: ['us-east-1'],
          dataEncryptionMetadata: {
            allowCleartext: true,
            allowDuplicates: false,
            allowJoinsOnColumnsWithDifferentNames: false,
            preserveNulls: true,
          },
          members: [
            {
              accountId: '222222222222',
              displayName: 'Contoso Media',
              memberAbilities: ['CAN_RECEIVE_RESULTS'],
            },
          ],
          tags: [{ key: 'project', value: 'reach' }],
        },
      },
    );
    const created = result.createCollaboration;
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      arn: `arn:aws:cleanrooms:us-east-1:${ACME}:collaboration/${created.id as string}`,
      name: 'Campaign reach',
      description: 'Reach of a joint campaign',
      creatorAccountId: ACME,
      creatorDisplayName: 'Acme Analytics',
      memberStatus: 'INVITED',
      membershipId: null,
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'DISABLED',
      analyticsEngine: 'CLEAN_ROOMS_SQL',
      allowedResultRegions: ['us-east-1'],
      isMetricsEnabled: null,
      dataEncryptionMetadata: { allowCleartext: true, preserveNulls: true },
      membership: null,
      members: {
        nodes: [
          {
            accountId: ACME,
            displayName: 'Acme Analytics',
            status: 'INVITED',
            abilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
            paymentConfiguration: { queryCompute: { isResponsible: true } },
          },
          {
            accountId: '222222222222',
            displayName: 'Contoso Media',
            status: 'INVITED',
            abilities: ['CAN_RECEIVE_RESULTS'],
            paymentConfiguration: { queryCompute: { isResponsible: false } },
          },
        ],
      },
    });
    // No GetCollaboration: the mutation's answer is the whole collaboration.
    expect(gw.calls()).toEqual({ CreateCollaboration: 1, ListMembers: 1 });
  });
});
