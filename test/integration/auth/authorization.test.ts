/**
 * Scopes with AUTH_MODE=jwt: queries and `_entities` need the read scope, mutations the write
 * scope, and write implies read. A field whose scope is missing is FORBIDDEN with no AWS call
 * while the other fields of the operation still resolve. Also: a JWKS that is down at start-up
 * is logged, refuses every token (never accepted unverified), fails readiness, and recovers.
 */
import { buildGatewaySchema } from '../../../src/schema';
import { capturingLogger, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS } from '../../helpers/gateway-expect';
import {
  AUDIENCE,
  freePort,
  ISSUER,
  startIdentityProvider,
  jwtEnv,
  type IdentityProvider,
} from '../../helpers/identity-provider';

let idp: IdentityProvider;
let gw: TestGateway;

beforeAll(async () => {
  idp = await startIdentityProvider();
  gw = await startTestGateway({
    env: jwtEnv(idp),
  });
});
afterAll(async () => {
  await gw.close();
  await idp.close();
});
beforeEach(() => gw.emulator.reset(true));

const TOKENS = {
  read: { scope: 'cleanrooms:read' },
  write: { scope: 'cleanrooms:write' },
  both: { scp: ['cleanrooms:read', 'cleanrooms:write'] },
  other: { scope: 'profile email' },
} as const;

async function as(who: keyof typeof TOKENS, query: string, variables?: Record<string, unknown>) {
  const token = await idp.mint(TOKENS[who]);
  return gw.gql(query, variables, { authorization: `Bearer ${token}` });
}

const codes = (errors: Array<{ extensions?: { code?: string } }> | undefined) =>
  (errors ?? []).map((e) => e.extensions?.code);

const ROOT_QUERIES = [
  `{ membership(id: "${IDS.acmeRetailMembership}") { id } }`,
  '{ memberships { nodes { id } } }',
  `{ collaboration(id: "${IDS.retailMeasurement}") { id } }`,
  '{ collaborations { nodes { id } } }',
];

const ROOT_MUTATIONS = [
  `mutation { createMembership(input: { collaborationIdentifier: "${IDS.mlPilot}", queryLogStatus: DISABLED }) { id } }`,
  `mutation { updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: DISABLED }) { id } }`,
  `mutation { deleteMembership(id: "${IDS.acmeBrandLiftMembership}") }`,
  `mutation { createCollaboration(input: { name: "N", creatorDisplayName: "Acme", creatorMemberAbilities: [], queryLogStatus: DISABLED, members: [] }) { id } }`,
  `mutation { updateCollaboration(input: { collaborationIdentifier: "${IDS.audienceOverlap}", name: "N" }) { id } }`,
  `mutation { deleteCollaboration(id: "${IDS.audienceOverlap}") }`,
  `mutation { tagMembership(id: "${IDS.acmeRetailMembership}", tags: [{ key: "a", value: "b" }]) { id } }`,
  `mutation { untagMembership(id: "${IDS.acmeRetailMembership}", tagKeys: ["team"]) { id } }`,
  `mutation { tagCollaboration(id: "${IDS.audienceOverlap}", tags: [{ key: "a", value: "b" }]) { id } }`,
  `mutation { untagCollaboration(id: "${IDS.audienceOverlap}", tagKeys: ["project"]) { id } }`,
];

describe('queries need the read scope (or write)', () => {
  it.each(ROOT_QUERIES)('refuses %s without it: FORBIDDEN, zero AWS calls', async (query) => {
    const { status, body } = await as('other', query);
    expect(status).toBe(200);
    expect(codes(body.errors)).toEqual(['FORBIDDEN']);
    expect(body.errors?.[0]?.message).toContain('cleanrooms:read or cleanrooms:write');
    expect(gw.totalCalls()).toBe(0);
  });

  it.each(['read', 'write', 'both'] as const)('serves them with the %s scope', async (who) => {
    for (const query of ROOT_QUERIES) {
      const { body } = await as(who, query);
      expect(body.errors).toBeUndefined();
    }
  });

  it('refuses only the field whose scope is missing; the rest of the operation resolves', async () => {
    const { body } = await as(
      'other',
      `{ membership(id: "${IDS.acmeRetailMembership}") { id } _service { sdl } }`,
    );
    expect(codes(body.errors)).toEqual(['FORBIDDEN']);
    expect(body.errors?.[0]?.path).toEqual(['membership']);
    const data = body.data as { membership: null; _service: { sdl: string } };
    expect(data.membership).toBeNull();
    expect(data._service.sdl).toContain('type Membership');
    expect(gw.totalCalls()).toBe(0);
  });
});

describe('mutations need the write scope', () => {
  it('lists every mutation of the schema below', async () => {
    const schema = await buildGatewaySchema();
    const named = ROOT_MUTATIONS.map((m) => /^mutation \{ (\w+)/.exec(m)?.[1]);
    expect(named.sort()).toEqual(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort());
  });

  it.each(ROOT_MUTATIONS)(
    'refuses %s with a read-only token: FORBIDDEN, zero AWS calls',
    async (mutation) => {
      const { body } = await as('read', mutation);
      expect(codes(body.errors)).toEqual(['FORBIDDEN']);
      expect(body.errors?.[0]?.message).toContain('cleanrooms:write');
      expect(gw.totalCalls()).toBe(0);
    },
  );

  it('serves a mutation and its nested reads with a write-only token (write implies read)', async () => {
    const { body } = await as(
      'write',
      `mutation { updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: DISABLED }) {
        id queryLogStatus collaboration { name membership { id } }
      } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
  });
});

describe('_entities needs the read scope', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on Membership { id status } ... on Collaboration { id name }
  } }`;
  const representations = [
    { __typename: 'Membership', id: IDS.acmeRetailMembership },
    { __typename: 'Collaboration', id: IDS.audienceOverlap },
  ];

  it('refuses every entity without it, with no AWS call', async () => {
    const { body } = await as('other', ENTITIES, { r: representations });
    expect(body.data).toEqual({ _entities: [null, null] });
    expect(codes(body.errors)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(body.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0],
      ['_entities', 1],
    ]);
    expect(gw.totalCalls()).toBe(0);
  });

  it('resolves them with it', async () => {
    const { body } = await as('read', ENTITIES, { r: representations });
    expect(body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ GetMembership: 1, GetCollaboration: 1 });
  });
});

describe('a JWKS that is down at start-up', () => {
  it('is logged, refuses tokens and readiness, and recovers once it answers', async () => {
    const port = await freePort();
    const logs = capturingLogger();
    const down = await startTestGateway({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      },
      logger: logs.logger,
    });
    let late: IdentityProvider | undefined;
    try {
      expect(logs.lines).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: 'JWKS unreachable at start-up: every token is refused until its signing keys can be fetched',
        }),
      );
      const base = down.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      const before = await down.gql('{ memberships { nodes { id } } }', undefined, {
        authorization: `Bearer ${await idp.mint(TOKENS.read)}`,
      });
      expect(before.status).toBe(401);
      expect(codes(before.body.errors)).toEqual(['UNAUTHENTICATED']);
      expect(down.totalCalls()).toBe(0);

      late = await startIdentityProvider(port);
      const after = await down.gql('{ memberships { nodes { id } } }', undefined, {
        authorization: `Bearer ${await late.mint(TOKENS.read)}`,
      });
      expect(after.status).toBe(200);
      expect(after.body.errors).toBeUndefined();
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    } finally {
      await down.close();
      await late?.close();
    }
  });
});
