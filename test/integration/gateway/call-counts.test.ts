/**
 * AWS calls per GraphQL operation, counted by the emulator: summary fields cost nothing beyond
 * the list call, every other field costs one Get per id per request, and every repeated id
 * (aliases, lists, nested objects, `_entities`) shares one call. Read-only: the seed is never
 * changed, so one gateway serves the whole file.
 *
 * Seed as Acme (123456789012) sees it: memberships e2 (Retail, ACTIVE), e3 (Audience overlap,
 * ACTIVE, Acme is creator), e7 (Loyalty, COLLABORATION_DELETED), e8 (Brand lift, REMOVED);
 * visible collaborations c1 (ACTIVE), c2 (ACTIVE), c5 (INVITED).
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { ACME, expectSafeErrors, IDS } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

const ALL_MEMBERSHIPS = [
  IDS.acmeRetailMembership,
  IDS.acmeAudienceMembership,
  IDS.acmeLoyaltyMembership,
  IDS.acmeBrandLiftMembership,
];

/** Runs a query that must succeed; returns its data. */
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

interface Nodes<T> {
  nodes: T[];
}

describe('list summaries', () => {
  it('serves every ListMemberships summary field from the list alone', async () => {
    const result = await data<{ memberships: Nodes<Record<string, unknown>> }>(`{
      memberships {
        nodes {
          id arn collaborationArn collaborationId collaborationCreatorAccountId
          collaborationCreatorDisplayName collaborationName createTime updateTime status
          memberAbilities mlMemberAbilities { customMLMemberAbilities }
          paymentConfiguration { queryCompute { isResponsible } jobCompute { isResponsible } }
        }
      }
    }`);
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
    expect(result.memberships.nodes.map((m) => m.id)).toEqual(ALL_MEMBERSHIPS);
    expect(result.memberships.nodes[0]).toMatchObject({
      arn: `arn:aws:cleanrooms:us-east-1:${ACME}:membership/${IDS.acmeRetailMembership}`,
      collaborationId: IDS.retailMeasurement,
      collaborationCreatorAccountId: '111111111111',
      collaborationCreatorDisplayName: 'Northwind Retail',
      collaborationName: 'Retail media measurement',
      status: 'ACTIVE',
      memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS', 'CAN_RUN_JOB'],
      mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
      paymentConfiguration: {
        queryCompute: { isResponsible: true },
        jobCompute: { isResponsible: true },
      },
    });
  });

  it('adds exactly one GetMembership per node for a field the summary lacks', async () => {
    const result = await data<{
      memberships: Nodes<{ id: string; status: string; defaultResultConfiguration: unknown }>;
    }>(`{
      memberships {
        nodes { id status collaborationName defaultResultConfiguration { roleArn } }
      }
    }`);
    expect(gw.calls()).toEqual({ ListMemberships: 1, GetMembership: 4 });
    expect(result.memberships.nodes.map((m) => m.defaultResultConfiguration)).toEqual([
      { roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResults` },
      { roleArn: null },
      null,
      null,
    ]);
  });

  it('loads each membership once however many non-summary fields are asked for', async () => {
    const result = await data<{ memberships: Nodes<Record<string, unknown>> }>(`{
      memberships(status: ACTIVE) {
        nodes {
          queryLogStatus jobLogStatus isMetricsEnabled
          defaultResultConfiguration { roleArn }
          defaultJobResultConfiguration { roleArn }
        }
      }
    }`);
    // Two ACTIVE memberships: one Get each, whatever the number of fields.
    expect(gw.calls()).toEqual({ ListMemberships: 1, GetMembership: 2 });
    expect(result.memberships.nodes).toEqual([
      {
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'ENABLED',
        isMetricsEnabled: true,
        defaultResultConfiguration: { roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResults` },
        defaultJobResultConfiguration: {
          roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsJobResults`,
        },
      },
      {
        queryLogStatus: 'DISABLED',
        jobLogStatus: null,
        isMetricsEnabled: null,
        defaultResultConfiguration: { roleArn: null },
        defaultJobResultConfiguration: null,
      },
    ]);
  });

  it('serves every ListCollaborations summary field from the list alone', async () => {
    const result = await data<{ collaborations: Nodes<Record<string, unknown>> }>(`{
      collaborations {
        nodes {
          id arn name creatorAccountId creatorDisplayName createTime updateTime
          memberStatus membershipId membershipArn analyticsEngine
        }
      }
    }`);
    expect(gw.calls()).toEqual({ ListCollaborations: 1 });
    expect(result.collaborations.nodes.map((c) => [c.id, c.memberStatus, c.membershipId])).toEqual([
      [IDS.retailMeasurement, 'ACTIVE', IDS.acmeRetailMembership],
      [IDS.audienceOverlap, 'ACTIVE', IDS.acmeAudienceMembership],
      [IDS.mlPilot, 'INVITED', null],
    ]);
    expect(result.collaborations.nodes[0]).toMatchObject({
      name: 'Retail media measurement',
      creatorAccountId: '111111111111',
      analyticsEngine: 'SPARK',
    });
  });

  it('adds one GetCollaboration per collaboration for a field the summary lacks', async () => {
    const result = await data<{ collaborations: Nodes<{ description: string | null }> }>(
      '{ collaborations { nodes { name description queryLogStatus } } }',
    );
    expect(gw.calls()).toEqual({ ListCollaborations: 1, GetCollaboration: 3 });
    expect(result.collaborations.nodes.map((c) => c.description)).toEqual([
      'Measures retail media campaigns against in-store sales',
      'Overlap of loyalty audiences before a joint campaign',
      'Lookalike modelling pilot',
    ]);
  });

  it('loads afresh in every request: loaders are never shared between requests', async () => {
    const query = `{ membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus } }`;
    await data(query);
    expect(gw.calls()).toEqual({ GetMembership: 1 });
    await data(query);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });
});

describe('deduplication across one operation', () => {
  it('makes one GetMembership for the same id under two aliases', async () => {
    const result = await data(`{
      a: membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus }
      b: membership(id: "${IDS.acmeRetailMembership}") { jobLogStatus defaultResultConfiguration { roleArn } }
    }`);
    expect(gw.calls()).toEqual({ GetMembership: 1 });
    expect(result).toEqual({
      a: { queryLogStatus: 'ENABLED' },
      b: {
        jobLogStatus: 'ENABLED',
        defaultResultConfiguration: { roleArn: `arn:aws:iam::${ACME}:role/CleanRoomsQueryResults` },
      },
    });
  });

  it('shares a failed Get between aliases and keeps other ids unaffected', async () => {
    const { body } = await gw.gql(`{
      ok: membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus }
      x: membership(id: "${IDS.unknownMembership}") { queryLogStatus }
      y: membership(id: "${IDS.unknownMembership}") { jobLogStatus }
    }`);
    expectSafeErrors(body);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
    expect(body.data).toEqual({ ok: { queryLogStatus: 'ENABLED' }, x: null, y: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['x'], 'NOT_FOUND'],
      [['y'], 'NOT_FOUND'],
    ]);
  });

  it('shares Gets between a list and a single membership of the same id', async () => {
    await data(`{
      memberships { nodes { id queryLogStatus } }
      one: membership(id: "${IDS.acmeRetailMembership}") { isMetricsEnabled }
    }`);
    // e2 is both in the list and asked alone: 4 unique ids.
    expect(gw.calls()).toEqual({ ListMemberships: 1, GetMembership: 4 });
  });

  it('makes one list call for identical list fields under aliases, one per distinct argument set', async () => {
    const result = await data<Record<string, Nodes<{ id?: string; status?: string }>>>(`{
      a: memberships { nodes { id } }
      b: memberships { nodes { status } }
      c: memberships(status: ACTIVE) { nodes { id } }
    }`);
    expect(gw.calls()).toEqual({ ListMemberships: 2 });
    expect(result.a?.nodes).toHaveLength(4);
    expect(result.b?.nodes.map((m) => m.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'COLLABORATION_DELETED',
      'REMOVED',
    ]);
    expect(result.c?.nodes).toHaveLength(2);
  });

  it('makes one GetCollaboration per unique collaboration reached through memberships and lists', async () => {
    // Memberships of one account never share a collaboration, so sharing is across paths:
    // c1 and c2 are reached through the memberships and through the collaborations list.
    const result = await data<{
      memberships: Nodes<{ collaboration: { description: string } }>;
      collaborations: Nodes<{ id: string; description: string }>;
    }>(`{
      memberships(status: ACTIVE) { nodes { collaboration { description } } }
      collaborations { nodes { id description } }
    }`);
    expect(gw.calls()).toEqual({ ListMemberships: 1, ListCollaborations: 1, GetCollaboration: 3 });
    expect(result.memberships.nodes.map((m) => m.collaboration.description)).toEqual([
      'Measures retail media campaigns against in-store sales',
      'Overlap of loyalty audiences before a joint campaign',
    ]);
  });

  it('makes one GetCollaboration when a collaboration is asked directly and through its membership', async () => {
    const result = await data(`{
      m: membership(id: "${IDS.acmeRetailMembership}") { collaboration { description } }
      c: collaboration(id: "${IDS.retailMeasurement}") { description queryLogStatus }
      again: membership(id: "${IDS.acmeRetailMembership}") { collaboration { allowedResultRegions } }
    }`);
    expect(gw.calls()).toEqual({ GetMembership: 1, GetCollaboration: 1 });
    expect(result).toEqual({
      m: {
        collaboration: { description: 'Measures retail media campaigns against in-store sales' },
      },
      c: {
        description: 'Measures retail media campaigns against in-store sales',
        queryLogStatus: 'ENABLED',
      },
      again: { collaboration: { allowedResultRegions: ['us-east-1', 'eu-west-1'] } },
    });
  });

  it('makes one GetMembership when a membership is asked directly and through Collaboration.membership', async () => {
    const result = await data(`{
      collaboration(id: "${IDS.retailMeasurement}") { membership { queryLogStatus } }
      membership(id: "${IDS.acmeRetailMembership}") { jobLogStatus }
    }`);
    expect(gw.calls()).toEqual({ GetCollaboration: 1, GetMembership: 1 });
    expect(result).toEqual({
      collaboration: { membership: { queryLogStatus: 'ENABLED' } },
      membership: { jobLogStatus: 'ENABLED' },
    });
  });

  it('makes one ListMembers for the same collaboration page under two aliases', async () => {
    const result = await data(`{
      a: collaboration(id: "${IDS.retailMeasurement}") { members { nodes { accountId } } }
      b: collaboration(id: "${IDS.retailMeasurement}") { members { nodes { status } } }
    }`);
    expect(gw.calls()).toEqual({ GetCollaboration: 1, ListMembers: 1 });
    expect(result).toEqual({
      a: {
        members: {
          nodes: [
            { accountId: '111111111111' },
            { accountId: ACME },
            { accountId: '222222222222' },
          ],
        },
      },
      b: {
        members: { nodes: [{ status: 'ACTIVE' }, { status: 'ACTIVE' }, { status: 'INVITED' }] },
      },
    });
  });

  it('makes one ListTagsForResource per membership', async () => {
    const result = await data<{ memberships: Nodes<{ id: string; tags: unknown[] }> }>(`{
      memberships(status: ACTIVE) { nodes { id tags { key value } again: tags { key } } }
    }`);
    expect(gw.calls()).toEqual({ ListMemberships: 1, ListTagsForResource: 2 });
    expect(result.memberships.nodes.map((m) => m.tags)).toEqual([
      [
        { key: 'cost-center', value: '42' },
        { key: 'team', value: 'ads' },
      ],
      [],
    ]);
  });

  it('resolves _entities through the request loaders: one Get per unique id', async () => {
    const result = await data<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Membership { id queryLogStatus }
          ... on Collaboration { id description }
        }
      }`,
      {
        representations: [
          { __typename: 'Membership', id: IDS.acmeRetailMembership },
          { __typename: 'Membership', id: IDS.acmeAudienceMembership },
          { __typename: 'Membership', id: IDS.acmeRetailMembership },
          { __typename: 'Collaboration', id: IDS.mlPilot },
          { __typename: 'Collaboration', id: IDS.mlPilot },
        ],
      },
    );
    expect(gw.calls()).toEqual({ GetMembership: 2, GetCollaboration: 1 });
    expect(result._entities).toEqual([
      { id: IDS.acmeRetailMembership, queryLogStatus: 'ENABLED' },
      { id: IDS.acmeAudienceMembership, queryLogStatus: 'DISABLED' },
      { id: IDS.acmeRetailMembership, queryLogStatus: 'ENABLED' },
      { id: IDS.mlPilot, description: 'Lookalike modelling pilot' },
      { id: IDS.mlPilot, description: 'Lookalike modelling pilot' },
    ]);
  });
  it('answers an unknown id among _entities with null and NOT_FOUND, the others intact', async () => {
    const { body } = await gw.gql<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Membership { id status } }
      }`,
      {
        representations: [
          { __typename: 'Membership', id: IDS.unknownMembership },
          { __typename: 'Membership', id: IDS.acmeAudienceMembership },
        ],
      },
    );
    expectSafeErrors(body);
    expect(body.data?._entities).toEqual([
      null,
      { id: IDS.acmeAudienceMembership, status: 'ACTIVE' },
    ]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 0], 'NOT_FOUND'],
    ]);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });
});

describe('relations known without a call', () => {
  const KNOWN_COLLABORATION_FIELDS = 'id name creatorAccountId creatorDisplayName arn';

  it('serves Membership.collaboration identity fields from a membership list with no GetCollaboration', async () => {
    const result = await data<{
      memberships: Nodes<{ collaboration: Record<string, string> }>;
    }>(`{ memberships { nodes { collaboration { ${KNOWN_COLLABORATION_FIELDS} } } } }`);
    // Even the deleted and the removed collaborations (which Acme may no longer Get).
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
    expect(result.memberships.nodes.map((m) => m.collaboration)).toEqual([
      {
        id: IDS.retailMeasurement,
        name: 'Retail media measurement',
        creatorAccountId: '111111111111',
        creatorDisplayName: 'Northwind Retail',
        arn: `arn:aws:cleanrooms:us-east-1:111111111111:collaboration/${IDS.retailMeasurement}`,
      },
      {
        id: IDS.audienceOverlap,
        name: 'Audience overlap',
        creatorAccountId: ACME,
        creatorDisplayName: 'Acme Analytics',
        arn: `arn:aws:cleanrooms:us-east-1:${ACME}:collaboration/${IDS.audienceOverlap}`,
      },
      expect.objectContaining({ id: IDS.loyaltyArchived, name: 'Loyalty insights' }),
      expect.objectContaining({ id: IDS.brandLift, name: 'Brand lift study' }),
    ]);
  });

  it("serves an ACTIVE membership's collaboration status and membership id with no GetCollaboration", async () => {
    const result = await data(`{
      membership(id: "${IDS.acmeRetailMembership}") {
        collaboration { ${KNOWN_COLLABORATION_FIELDS} memberStatus membershipId membership { id } }
      }
    }`);
    expect(gw.calls()).toEqual({ GetMembership: 1 });
    expect(result).toEqual({
      membership: {
        collaboration: expect.objectContaining({
          id: IDS.retailMeasurement,
          memberStatus: 'ACTIVE',
          membershipId: IDS.acmeRetailMembership,
          membership: { id: IDS.acmeRetailMembership },
        }),
      },
    });
  });

  it('serves Collaboration.membership { id } with no GetMembership', async () => {
    const result = await data<{ collaborations: Nodes<{ membership: { id: string } | null }> }>(
      '{ collaborations { nodes { membership { id } } } }',
    );
    expect(gw.calls()).toEqual({ ListCollaborations: 1 });
    expect(result.collaborations.nodes.map((c) => c.membership)).toEqual([
      { id: IDS.acmeRetailMembership },
      { id: IDS.acmeAudienceMembership },
      null,
    ]);

    gw.resetCalls();
    await data(`{ collaboration(id: "${IDS.audienceOverlap}") { membership { id } } }`);
    expect(gw.calls()).toEqual({ GetCollaboration: 1 });
  });

  it("lists the tags of the caller's memberships reached from collaborations without a GetMembership", async () => {
    const result = await data<{
      collaborations: Nodes<{ membership: { tags: Array<{ key: string }> } | null }>;
    }>('{ collaborations { nodes { membership { tags { key } } } } }');
    // The membership ARN is in the collaboration summary: tags need no GetMembership.
    expect(gw.calls()).toEqual({ ListCollaborations: 1, ListTagsForResource: 2 });
    expect(result.collaborations.nodes.map((c) => c.membership?.tags ?? null)).toEqual([
      [{ key: 'cost-center' }, { key: 'team' }],
      [],
      null,
    ]);
  });

  it('walks collaboration → membership → collaboration with no Get at all', async () => {
    const result = await data<{
      collaborations: Nodes<{
        name: string;
        membership: {
          status: string;
          collaborationName: string;
          collaboration: { name: string };
        } | null;
      }>;
    }>(
      '{ collaborations { nodes { name membership { status collaborationName collaboration { name } } } } }',
    );
    // Both directions are known from the summary: the membership learns the collaboration's
    // name and its ACTIVE status, and gives the name back.
    expect(gw.calls()).toEqual({ ListCollaborations: 1 });
    for (const node of result.collaborations.nodes) {
      if (node.membership) {
        expect(node.membership).toEqual({
          status: 'ACTIVE',
          collaborationName: node.name,
          collaboration: { name: node.name },
        });
      }
    }
    expect(result.collaborations.nodes.filter((n) => n.membership)).toHaveLength(2);
  });

  it('loads Collaboration.membership once per membership for other fields', async () => {
    const result = await data<{
      collaborations: Nodes<{ membership: { queryLogStatus: string } | null }>;
    }>('{ collaborations { nodes { membership { queryLogStatus } } } }');
    // c5 has no membership of Acme's: two Gets, not three.
    expect(gw.calls()).toEqual({ ListCollaborations: 1, GetMembership: 2 });
    expect(result.collaborations.nodes.map((c) => c.membership)).toEqual([
      { queryLogStatus: 'ENABLED' },
      { queryLogStatus: 'DISABLED' },
      null,
    ]);
  });

  it("resolves Member.membership only for the caller's own membership", async () => {
    const result = await data<{
      collaboration: { members: Nodes<{ accountId: string; membership: unknown }> };
    }>(`{
      collaboration(id: "${IDS.retailMeasurement}") {
        members { nodes { accountId membershipId membership { id queryLogStatus } } }
      }
    }`);
    // Northwind's membership is listed but not Acme's to read: null, and no Get for it.
    expect(gw.calls()).toEqual({ GetCollaboration: 1, ListMembers: 1, GetMembership: 1 });
    expect(result.collaboration.members.nodes).toEqual([
      { accountId: '111111111111', membershipId: IDS.northwindRetailMembership, membership: null },
      {
        accountId: ACME,
        membershipId: IDS.acmeRetailMembership,
        membership: { id: IDS.acmeRetailMembership, queryLogStatus: 'ENABLED' },
      },
      { accountId: '222222222222', membershipId: null, membership: null },
    ]);
  });

  it('resolves Member.membership { id } of every member with no Get at all', async () => {
    const result = await data<{
      collaborations: Nodes<{ id: string; members: Nodes<{ membership: { id: string } | null }> }>;
    }>('{ collaborations { nodes { id members { nodes { membership { id } } } } } }');
    expect(gw.calls()).toEqual({ ListCollaborations: 1, ListMembers: 3 });
    expect(
      result.collaborations.nodes.map((c) => c.members.nodes.map((m) => m.membership?.id ?? null)),
    ).toEqual([
      [null, IDS.acmeRetailMembership, null],
      [IDS.acmeAudienceMembership, null, null],
      [null, null, null],
    ]);
  });
});

describe('output configuration unions', () => {
  it('serves both seeded output configurations of a membership as their S3 types from one Get', async () => {
    const result = await data(`{
      membership(id: "${IDS.acmeRetailMembership}") {
        defaultResultConfiguration {
          roleArn
          outputConfiguration {
            __typename
            ... on ProtectedQueryS3OutputConfiguration { bucket keyPrefix resultFormat singleFileOutput }
            ... on UnknownOutputConfiguration { memberName }
          }
        }
        defaultJobResultConfiguration {
          roleArn
          outputConfiguration {
            __typename
            ... on ProtectedJobS3OutputConfiguration { bucket keyPrefix }
            ... on UnknownOutputConfiguration { memberName }
          }
        }
      }
    }`);
    expect(gw.calls()).toEqual({ GetMembership: 1 });
    expect(result).toEqual({
      membership: {
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
          outputConfiguration: {
            __typename: 'ProtectedJobS3OutputConfiguration',
            bucket: 'acme-job-results',
            keyPrefix: 'jobs/',
          },
        },
      },
    });
  });

  it('serves a membership without a job configuration as null, not as an unknown member', async () => {
    const result = await data(`{
      membership(id: "${IDS.acmeAudienceMembership}") {
        defaultResultConfiguration { outputConfiguration { __typename ... on ProtectedQueryS3OutputConfiguration { resultFormat keyPrefix } } }
        defaultJobResultConfiguration { roleArn }
      }
    }`);
    expect(result).toEqual({
      membership: {
        defaultResultConfiguration: {
          outputConfiguration: {
            __typename: 'ProtectedQueryS3OutputConfiguration',
            resultFormat: 'CSV',
            keyPrefix: 'overlap/',
          },
        },
        defaultJobResultConfiguration: null,
      },
    });
  });
});
