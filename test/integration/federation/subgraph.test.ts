/**
 * The gateway as an Apollo Federation 2 subgraph, over HTTP: `_service { sdl }`, `_entities`
 * through the request's loaders (one Get per unique id), and a real supergraph — our SDL composed
 * in-process with a foreign subgraph and served by `ApolloGateway` — crossing both ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  isTypeDefinitionNode,
  Kind,
  parse,
  print,
  type DefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { DEMO_IDS } from '../../../src/emulator/seed';
import { DEFAULT_SCHEMA_OPTIONS, printGatewaySchema } from '../../../src/schema';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const COMMITTED_SDL = readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8');

const M1 = DEMO_IDS.acmeRetailMembership;
const M2 = DEMO_IDS.acmeAudienceMembership;
const M3 = DEMO_IDS.acmeLoyaltyMembership;
const C1 = DEMO_IDS.retailMeasurement;
const C2 = DEMO_IDS.audienceOverlap;
/** Well-formed ids that do not exist in the seed. */
const MISSING_MEMBERSHIP = 'e0000000-0000-4000-8000-0000000000ff';
const MISSING_COLLABORATION = 'c0000000-0000-4000-8000-0000000000ff';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Membership { id status collaborationName queryLogStatus }
    ... on Collaboration { id name creatorDisplayName }
  }
}`;

/** Types and root fields every Fed 2 subgraph gets from `buildSubgraphSchema`. */
const isFederationName = (name: string) =>
  ['_Any', '_Service', '_Entity', '_entities', '_service'].includes(name) ||
  /^(link|federation)__/.test(name);

/** The printed type definitions of an SDL, minus federation's own (directives, schema, types). */
function ownDefinitions(sdl: string): string[] {
  const own = parse(sdl).definitions.flatMap((definition): DefinitionNode[] => {
    if (!isTypeDefinitionNode(definition) || isFederationName(definition.name.value)) return [];
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [definition];
    const fields = definition.fields?.filter((f) => !isFederationName(f.name.value));
    return [{ ...definition, fields }];
  });
  return own.map((definition) => print(definition));
}

const membership = (id: string) => ({ __typename: 'Membership', id });
const collaboration = (id: string) => ({ __typename: 'Collaboration', id });

interface Entity {
  __typename: string;
  id: string;
  [field: string]: unknown;
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

describe('_service', () => {
  it('publishes the SDL with @key on both entities and @shareable PageInfo', async () => {
    const { status, body } = await gw.gql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const sdl = body.data?._service.sdl ?? '';
    expect(sdl).toMatch(/type Membership\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Collaboration\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(sdl).toContain(
      'extend schema\n  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@cost", "@listSize"])',
    );
    // The access rules and demand-control weights are declared for routers.
    expect(sdl).toMatch(
      /\): MembershipConnection! @cost\(weight: 1\) @listSize\(assumedSize: 100, slicingArguments: \["first"\], sizedFields: \["nodes"\], requireOneSlicingArgument: false\) @authenticated @requiresScopes\(scopes: \[\["cleanrooms:read"\], \["cleanrooms:write"\]\]\)/,
    );
    expect(sdl).toMatch(
      /\): Membership! @cost\(weight: 1\) @authenticated @requiresScopes\(scopes: \[\["cleanrooms:write"\]\]\)/,
    );
    expect(sdl).toMatch(/tags: \[Tag!\]! @cost\(weight: 1\)/);
    // `_service` serves the full Fed 2 subgraph SDL: schema.graphql plus the definitions federation
    // adds to every subgraph (`@link`, `federation__*`, `_Any`, `_entities`, ...). Without those,
    // it is exactly the committed file and what `printGatewaySchema()` prints.
    expect(ownDefinitions(COMMITTED_SDL).length).toBeGreaterThan(20);
    expect(ownDefinitions(sdl)).toEqual(ownDefinitions(COMMITTED_SDL));
    expect(ownDefinitions(sdl)).toEqual(ownDefinitions(await printGatewaySchema()));
    expect(gw.totalCalls()).toBe(0);
  });
});

describe('_entities', () => {
  it('resolves N Membership representations with one GetMembership per unique id', async () => {
    const representations = [M1, M2, M1, M3, M2, M1].map(membership);
    const { status, body } = await gw.gql<{ _entities: Entity[] }>(ENTITIES, { representations });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const entities = body.data?._entities ?? [];
    expect(entities.map((e) => e.id)).toEqual([M1, M2, M1, M3, M2, M1]);
    expect(entities.every((e) => e.__typename === 'Membership')).toBe(true);
    expect(entities[0]).toMatchObject({
      status: 'ACTIVE',
      collaborationName: 'Retail media measurement',
      queryLogStatus: 'ENABLED',
    });
    expect(entities[3]).toMatchObject({ status: 'COLLABORATION_DELETED' });
    expect(gw.calls()).toEqual({ GetMembership: 3 });
  });

  it('shares the loader with ids requested elsewhere in the same operation', async () => {
    const { body } = await gw.gql<{ _entities: Entity[]; membership: Entity }>(
      `query ($representations: [_Any!]!, $id: ID!) {
        membership(id: $id) { id status }
        again: membership(id: $id) { id queryLogStatus }
        _entities(representations: $representations) { ... on Membership { id status } }
      }`,
      { representations: [membership(M1), membership(M2), membership(M1)], id: M1 },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.membership).toMatchObject({ id: M1, status: 'ACTIVE' });
    expect(body.data?._entities.map((e) => e.id)).toEqual([M1, M2, M1]);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });

  it('resolves N Collaboration representations with one GetCollaboration per unique id', async () => {
    const representations = [C1, C2, C1, C2].map(collaboration);
    const { body } = await gw.gql<{ _entities: Entity[] }>(ENTITIES, { representations });
    expect(body.errors).toBeUndefined();
    const entities = body.data?._entities ?? [];
    expect(entities.map((e) => e.id)).toEqual([C1, C2, C1, C2]);
    expect(entities[0]).toMatchObject({
      __typename: 'Collaboration',
      name: 'Retail media measurement',
      creatorDisplayName: 'Northwind Retail',
    });
    expect(entities[1]).toMatchObject({ name: 'Audience overlap' });
    expect(gw.calls()).toEqual({ GetCollaboration: 2 });
  });

  it('mixes both entity types in one call', async () => {
    const representations = [membership(M1), collaboration(C1), membership(M1), collaboration(C1)];
    const { body } = await gw.gql<{ _entities: Entity[] }>(ENTITIES, { representations });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities.map((e) => e.__typename)).toEqual([
      'Membership',
      'Collaboration',
      'Membership',
      'Collaboration',
    ]);
    expect(gw.calls()).toEqual({ GetMembership: 1, GetCollaboration: 1 });
  });

  it('answers an unknown membership with null and NOT_FOUND, resolving the others', async () => {
    const representations = [membership(M1), membership(MISSING_MEMBERSHIP), membership(M2)];
    const { status, body } = await gw.gql<{ _entities: Array<Entity | null> }>(ENTITIES, {
      representations,
    });
    expect(status).toBe(200);
    const entities = body.data?._entities ?? [];
    expect(entities[0]).toMatchObject({ id: M1, status: 'ACTIVE' });
    expect(entities[1]).toBeNull();
    expect(entities[2]).toMatchObject({ id: M2 });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.path).toEqual(['_entities', 1]);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
    expect(gw.calls()).toEqual({ GetMembership: 3 });
  });

  it('answers an unknown collaboration with null and FORBIDDEN, resolving the others', async () => {
    const representations = [
      collaboration(MISSING_COLLABORATION),
      collaboration(C2),
      collaboration(MISSING_COLLABORATION),
    ];
    const { body } = await gw.gql<{ _entities: Array<Entity | null> }>(ENTITIES, {
      representations,
    });
    const entities = body.data?._entities ?? [];
    expect(entities[0]).toBeNull();
    expect(entities[1]).toMatchObject({ id: C2, name: 'Audience overlap' });
    expect(entities[2]).toBeNull();
    expect(body.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0],
      ['_entities', 2],
    ]);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(gw.calls()).toEqual({ GetCollaboration: 2 });
  });

  it.each([
    ['a non-UUID id', { __typename: 'Membership', id: 'not-a-uuid' }, 'id'],
    ['an upper-case UUID', { __typename: 'Collaboration', id: C1.toUpperCase() }, 'id'],
    ['an object id', { __typename: 'Membership', id: { nested: M2 } }, 'id'],
    ['a numeric id', { __typename: 'Collaboration', id: 42 }, 'id'],
    ['a missing id', { __typename: 'Membership' }, 'id'],
    ['a null id', { __typename: 'Collaboration', id: null }, 'id'],
  ])(
    'refuses %s with BAD_USER_INPUT on that entity only and no AWS call for it',
    async (_name, invalid, field) => {
      const representations = [membership(M1), invalid, collaboration(C2)];
      const { status, body } = await gw.gql<{ _entities: Array<Entity | null> }>(ENTITIES, {
        representations,
      });
      expect(status).toBe(200);
      const entities = body.data?._entities ?? [];
      expect(entities[0]).toMatchObject({ id: M1, status: 'ACTIVE' });
      expect(entities[1]).toBeNull();
      expect(entities[2]).toMatchObject({ id: C2, name: 'Audience overlap' });
      expect(body.errors).toHaveLength(1);
      const error = body.errors?.[0];
      expect(error?.path).toEqual(['_entities', 1]);
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.fields).toEqual([{ path: field, message: expect.any(String) }]);
      expect(JSON.stringify(body)).not.toContain('[object Object]');
      expect(gw.calls()).toEqual({ GetMembership: 1, GetCollaboration: 1 });
    },
  );

  it('checks existence with one Get per unique id when only the id is selected', async () => {
    // Nothing is known about the ids yet, so reference resolution Gets each one (an unknown id
    // must become null + an error, not a fabricated entity); repeated ids share that Get.
    const representations = [membership(M1), membership(M2), membership(M1)];
    const { body } = await gw.gql<{ _entities: Entity[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Membership { id } } }',
      { r: representations },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([{ id: M1 }, { id: M2 }, { id: M1 }]);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });

  it('counts the collaboration reached from a membership entity as known: no GetCollaboration', async () => {
    const { body } = await gw.gql<{ _entities: Array<{ collaboration: Entity }> }>(
      `query ($r: [_Any!]!) {
        _entities(representations: $r) { ... on Membership { collaboration { id name } } }
      }`,
      { r: [membership(M1), membership(M2)] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities.map((e) => e.collaboration)).toEqual([
      { id: C1, name: 'Retail media measurement' },
      { id: C2, name: 'Audience overlap' },
    ]);
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });
});

describe('in a supergraph with a foreign subgraph', () => {
  /** Which team owns which of the caller's memberships (the foreign subgraph's own data). */
  const OWNERS: Record<string, string> = { [M1]: 'ads', [M2]: 'crm', [M3]: 'ads' };
  const TEAMS = [
    { name: 'ads', memberships: [M1, M3] },
    { name: 'crm', memberships: [M2, M1] },
  ];

  const foreignTypeDefs = parse(`
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

    type Team {
      name: String!
      memberships: [Membership!]!
      pageInfo: PageInfo!
    }

    type Membership @key(fields: "id") {
      id: ID!
      owningTeam: String!
    }

    type PageInfo @shareable {
      hasNextPage: Boolean!
      endCursor: String
    }

    type Query {
      teams: [Team!]!
    }
  `);

  const foreignSchema: GraphQLSchema = buildSubgraphSchema([
    {
      typeDefs: foreignTypeDefs,
      resolvers: {
        Query: {
          teams: () =>
            TEAMS.map((t) => ({
              name: t.name,
              memberships: t.memberships.map((id) => ({ id })),
              pageInfo: { hasNextPage: false, endCursor: null },
            })),
        },
        Membership: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          owningTeam: ({ id }: { id: string }) => OWNERS[id] ?? 'unassigned',
        },
      },
    },
  ]);

  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  let router: ApolloServer;
  let supergraphSdl: string;

  beforeAll(async () => {
    // @apollo/gateway refuses supergraphs with security features (only GraphOS routers enforce
    // @authenticated/@requiresScopes), so it gets the SDL published with
    // FEDERATION_AUTH_DIRECTIVES=false; the subgraph enforces the same rules either way.
    const withoutAccessDirectives = await printGatewaySchema({
      ...DEFAULT_SCHEMA_OPTIONS,
      declareAccessDirectives: false,
    });
    const composition = composeServices([
      { name: 'cleanrooms', url: gw.url, typeDefs: parse(withoutAccessDirectives) },
      { name: 'teams', url: 'local://teams', typeDefs: foreignTypeDefs },
    ]);
    expect(composition.errors).toBeUndefined();
    supergraphSdl = composition.supergraphSdl ?? '';
    const gateway = new ApolloGateway({
      supergraphSdl,
      logger: quiet,
      buildService: ({ url, name }) =>
        name === 'cleanrooms'
          ? new RemoteGraphQLDataSource({ url })
          : new LocalGraphQLDataSource(foreignSchema),
    });
    router = new ApolloServer({ gateway, logger: quiet });
    await router.start();
  });
  afterAll(() => router?.stop());

  async function execute(query: string) {
    const response = await router.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as {
      data?: Record<string, unknown> | null;
      errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
    };
  }

  it('composes the published SDL, access and cost directives included, with a foreign subgraph', () => {
    const composition = composeServices([
      { name: 'cleanrooms', url: gw.url, typeDefs: parse(COMMITTED_SDL) },
      { name: 'teams', url: 'local://teams', typeDefs: foreignTypeDefs },
    ]);
    expect(composition.errors).toBeUndefined();
    const sdl = composition.supergraphSdl ?? '';
    expect(sdl).toContain(
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
    );
    expect(sdl).toContain('@requiresScopes(scopes: [["cleanrooms:read"], ["cleanrooms:write"]])');
    expect(sdl).toContain('@requiresScopes(scopes: [["cleanrooms:write"]])');
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1"');
    expect(sdl).toMatch(/@listSize\(assumedSize: 100, slicingArguments: \["first"\]/);
  });

  it('composes without errors into a supergraph with both subgraphs', () => {
    expect(supergraphSdl).toContain('join__Graph');
    expect(supergraphSdl).toMatch(/CLEANROOMS @join__graph\(name: "cleanrooms"/);
    expect(supergraphSdl).toMatch(/TEAMS @join__graph\(name: "teams"/);
    expect(supergraphSdl).toMatch(/type Membership[^{]*@join__type\(graph: TEAMS, key: "id"\)/);
  });

  it('extends our list with foreign fields: one ListMemberships, no Get', async () => {
    const result = await execute('{ memberships { nodes { id status owningTeam } } }');
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.memberships as { nodes: Entity[] }).nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(4);
    expect(nodes.find((n) => n.id === M1)).toEqual({ id: M1, status: 'ACTIVE', owningTeam: 'ads' });
    expect(nodes.find((n) => n.id === M2)).toMatchObject({ owningTeam: 'crm' });
    expect(nodes.find((n) => n.id === DEMO_IDS.acmeBrandLiftMembership)).toMatchObject({
      owningTeam: 'unassigned',
    });
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it('reaches into our subgraph from the foreign one through _entities', async () => {
    const result = await execute(`{
      teams {
        name
        memberships { id status owningTeam collaboration { id name } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.teams).toEqual([
      {
        name: 'ads',
        memberships: [
          {
            id: M1,
            status: 'ACTIVE',
            owningTeam: 'ads',
            collaboration: { id: C1, name: 'Retail media measurement' },
          },
          {
            id: M3,
            status: 'COLLABORATION_DELETED',
            owningTeam: 'ads',
            collaboration: { id: DEMO_IDS.loyaltyArchived, name: 'Loyalty insights' },
          },
        ],
      },
      {
        name: 'crm',
        memberships: [
          {
            id: M2,
            status: 'ACTIVE',
            owningTeam: 'crm',
            collaboration: { id: C2, name: 'Audience overlap' },
          },
          {
            id: M1,
            status: 'ACTIVE',
            owningTeam: 'ads',
            collaboration: { id: C1, name: 'Retail media measurement' },
          },
        ],
      },
    ]);
    // M1 appears twice: one Get per unique id, and the collaboration names come from the
    // membership (no GetCollaboration).
    expect(gw.calls()).toEqual({ GetMembership: 3 });
  });

  it("passes our subgraph's errors through without stack traces", async () => {
    const result = await execute(`{ membership(id: "${MISSING_MEMBERSHIP}") { id owningTeam } }`);
    expect(result.data?.membership).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(result.errors)).not.toContain('stacktrace');
  });
});
