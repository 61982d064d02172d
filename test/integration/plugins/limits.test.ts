/**
 * The static limits with their defaults, through HTTP: each bomb — depth, aliases, tokens,
 * directives, a batch — is refused before execution with zero AWS calls and a message naming
 * the limit and its value, and counted in /metrics; the ordinary traffic passes: the example
 * operations, a router's `_entities` query with named fragments, the standard introspection
 * query.
 */
import { getIntrospectionQuery } from 'graphql';
import { DEFAULTS } from '../../../src/config';
import { loadExamples } from '../../../src/explorer/examples';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

/** `depth` nested relations: membership → collaboration → membership → … */
function deepQuery(depth: number): string {
  let inner = 'id';
  for (let level = 1; level < depth; level++) {
    inner = level % 2 === 1 ? `collaboration { ${inner} }` : `membership { ${inner} }`;
  }
  return `{ membership(id: "${IDS.acmeRetailMembership}") { ${inner} } }`;
}

describe('refused before execution, with zero AWS calls', () => {
  it.each([
    [
      'a depth bomb',
      deepQuery(DEFAULTS.maxDepth + 5),
      new RegExp(`depth limit of ${DEFAULTS.maxDepth} exceeded`, 'i'),
    ],
    [
      'a depth bomb hidden in fragments',
      `query { ...A } fragment A on Query { membership(id: "${IDS.acmeRetailMembership}") { ...B } }
       fragment B on Membership { collaboration { ...C } }
       fragment C on Collaboration { membership { ${'collaboration { membership { '.repeat(5)}id${' } }'.repeat(5)} } }`,
      /depth limit/i,
    ],
    [
      'an alias bomb',
      `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: memberships { nodes { id } }`).join(' ')} }`,
      // The token limit stops this one first: 2000 aliases are far beyond 2000 tokens.
      /tokens/i,
    ],
    [
      'too many aliases',
      `{ ${Array.from({ length: DEFAULTS.maxAliases + 1 }, (_, i) => `a${i}: memberships { nodes { id } }`).join(' ')} }`,
      new RegExp(`aliases limit of ${DEFAULTS.maxAliases} exceeded`, 'i'),
    ],
    [
      'a token bomb',
      `{ memberships { nodes { ${'id '.repeat(DEFAULTS.maxTokens)} } } }`,
      // graphql-js words it "contains more that N tokens".
      new RegExp(`more th\\w+ ${DEFAULTS.maxTokens} tokens`, 'i'),
    ],
    [
      'a directive bomb',
      `{ memberships { nodes { id ${'@include(if: true) '.repeat(DEFAULTS.maxDirectives + 1)} } } }`,
      new RegExp(`directives limit of ${DEFAULTS.maxDirectives} exceeded`, 'i'),
    ],
  ])('%s', async (_name, query, message) => {
    const { status, body } = await gw.gql(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
      body.errors?.[0]?.extensions?.code,
    );
    expect(gw.totalCalls()).toBe(0);
  });

  it('a batch of operations in one HTTP request', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ memberships { nodes { id } } }' },
        { query: '{ __typename }' },
      ]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: unknown }>;
    };
    expect(body.errors[0]?.message).toMatch(/batch limit 1/);
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(gw.totalCalls()).toBe(0);
  });

  it('counts every refusal by limit in /metrics', async () => {
    const metrics = await (await fetch(gw.url.replace(/\/graphql$/, '/metrics'))).text();
    for (const limit of ['depth', 'aliases', 'tokens', 'directives', 'batch']) {
      expect(metrics).toMatch(
        new RegExp(`graphql_limit_refusals_total\\{limit="${limit}"\\} [1-9]`),
      );
    }
  });
});

describe('passes the defaults', () => {
  it.each(loadExamples().map((e) => [e.name, e] as const))('the example %s', async (_name, e) => {
    const { status, body } = await gw.gql(e.source, e.variables);
    gw.emulator.reset(true);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("a router's _entities query with named fragments", async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ..._generated_onMembership4_0
        ..._generated_onCollaboration4_1
      }
    }
    fragment _generated_onMembership4_0 on Membership {
      __typename id status queryLogStatus
      collaboration { __typename id name members(first: 10) { nodes { accountId membership { id } } } }
    }
    fragment _generated_onCollaboration4_1 on Collaboration { __typename id name creatorDisplayName }`;
    const { status, body } = await gw.gql(query, {
      representations: [
        { __typename: 'Membership', id: IDS.acmeRetailMembership },
        { __typename: 'Collaboration', id: IDS.audienceOverlap },
      ],
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('the standard introspection query', async () => {
    const { status, body } = await gw.gql(
      getIntrospectionQuery({
        descriptions: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
      }),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
