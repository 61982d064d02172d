/**
 * `extensions.cost = { estimatedAwsCalls, awsCalls, cacheHits }` against the AWS calls the
 * emulator really served. On every operation of a large, varied, generated query set the
 * estimate is an upper bound (`awsCalls <= estimatedAwsCalls`) and `awsCalls` is exactly what
 * went out; on curated operations whose lists come back full (`first` items) with distinct ids
 * the estimate is exact. Retries fit in the estimate; an estimate over MAX_UPSTREAM_CALLS is
 * refused before any call.
 */
import { startTestGateway, type GraphQLBody, type TestGateway } from '../../helpers/gateway';
import { IDS } from '../../helpers/gateway-expect';

interface Cost {
  estimatedAwsCalls: number;
  awsCalls: number;
  cacheHits: number;
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_UPSTREAM_CALLS: '100000', MAX_DEPTH: '30' } });
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

function costOf(body: GraphQLBody<unknown>): Cost {
  const cost = (body as { extensions?: { cost?: Cost } }).extensions?.cost;
  if (!cost) throw new Error(`no extensions.cost in ${JSON.stringify(body).slice(0, 300)}`);
  return cost;
}

/** Runs an operation; returns its cost and the calls the emulator served for it. */
async function measure(query: string, variables?: Record<string, unknown>) {
  gw.resetCalls();
  const { body } = await gw.gql(query, variables);
  return { body, cost: costOf(body), served: gw.totalCalls() };
}

const M = [IDS.acmeRetailMembership, IDS.acmeAudienceMembership, IDS.acmeLoyaltyMembership];

describe('exact when lists are full and ids distinct', () => {
  const CASES: Array<[string, string, number]> = [
    [
      'a summary-only list',
      '{ memberships(first: 2) { nodes { id status collaborationName } } }',
      1,
    ],
    ['details of a full list', '{ memberships(first: 2) { nodes { id queryLogStatus } } }', 3],
    ['tags of a full list', '{ memberships(first: 3) { nodes { tags { key } } } }', 4],
    [
      'what a membership knows of its collaboration',
      '{ memberships(first: 2) { nodes { collaboration { id name creatorDisplayName } } } }',
      1,
    ],
    [
      "a collaboration's own details from a list of memberships",
      '{ memberships(first: 2) { nodes { collaboration { queryLogStatus } } } }',
      3,
    ],
    [
      'collaborations with details and members',
      '{ collaborations(first: 2) { nodes { description members(first: 2) { nodes { accountId } } } } }',
      5,
    ],
    [
      "collaborations with the caller's membership details",
      '{ collaborations(first: 2) { nodes { membership { id queryLogStatus } } } }',
      3,
    ],
    [
      'one membership, everything it knows',
      `{ membership(id: "${M[0]}") { queryLogStatus collaboration { name } } }`,
      1,
    ],
    [
      'one membership and its collaboration',
      `{ membership(id: "${M[0]}") { collaboration { description } } }`,
      2,
    ],
    [
      'the same id twice, with other fields',
      `{ a: membership(id: "${M[0]}") { id } b: membership(id: "${M[0]}") { queryLogStatus tags { key } } }`,
      2,
    ],
    [
      'the same list twice under aliases',
      '{ a: memberships(first: 2) { nodes { queryLogStatus } } b: memberships(first: 2) { nodes { jobLogStatus } } }',
      3,
    ],
    [
      'the caller among the members of a listed collaboration',
      '{ collaborations(first: 2) { nodes { members(first: 3) { nodes { membership { id queryLogStatus } } } } } }',
      5,
    ],
  ];

  it.each(CASES)('%s', async (_name, query, expected) => {
    const { body, cost, served } = await measure(query);
    expect(body.errors).toBeUndefined();
    expect(cost).toEqual({ estimatedAwsCalls: expected, awsCalls: expected, cacheHits: 0 });
    expect(served).toBe(expected);
  });

  it('counts what only the data could spare: the walk back from a membership to itself', async () => {
    // Whether the collaboration already names the caller's membership depends on the
    // membership's status (ACTIVE teaches it), which only the answer reveals: the estimate
    // counts the GetCollaboration a REMOVED membership would need.
    const { cost, served } = await measure(
      `{ membership(id: "${M[0]}") { collaboration { membership { id queryLogStatus } } } }`,
    );
    expect(cost).toMatchObject({ estimatedAwsCalls: 2, awsCalls: 1 });
    expect(served).toBe(1);
  });

  it('_entities: one Get per distinct representation, shared with the rest of the operation', async () => {
    const query = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on Membership { queryLogStatus } }
      membership(id: "${M[0]}") { id }
    }`;
    const representations = [...M, M[0]].map((id) => ({ __typename: 'Membership', id }));
    const { cost, served } = await measure(query, { r: representations });
    expect(cost).toMatchObject({ estimatedAwsCalls: 3, awsCalls: 3 });
    expect(served).toBe(3);
  });

  it('a mutation, then what it made stale read afresh', async () => {
    const { body, cost, served } = await measure(`mutation {
      createMembership(input: { collaborationIdentifier: "${IDS.mlPilot}", queryLogStatus: DISABLED }) {
        id status collaboration { name memberStatus members(first: 3) { nodes { accountId status } } }
      }
    }`);
    gw.emulator.reset(true);
    expect(body.errors).toBeUndefined();
    expect(cost).toMatchObject({ estimatedAwsCalls: 2, awsCalls: 2 });
    expect(served).toBe(2);
  });

  it('a mutation and the reads it answers itself', async () => {
    const { body, cost } = await measure(`mutation {
      updateMembership(input: { membershipIdentifier: "${M[0]}", queryLogStatus: ENABLED }) {
        queryLogStatus collaboration { name membership { id } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(cost).toMatchObject({ estimatedAwsCalls: 1, awsCalls: 1 });
  });
});

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEMBERSHIP_FIELDS = [
  'id',
  'arn',
  'status',
  'collaborationName',
  'memberAbilities',
  'queryLogStatus',
  'jobLogStatus',
  'isMetricsEnabled',
  'defaultResultConfiguration { roleArn }',
  'paymentConfiguration { queryCompute { isResponsible } }',
];
const COLLABORATION_FIELDS = [
  'id',
  'name',
  'creatorDisplayName',
  'memberStatus',
  'membershipId',
  'description',
  // Aliased: next to a Membership in `_entities`, the two queryLogStatus types would conflict.
  'collaborationQueryLog: queryLogStatus',
  'analyticsEngine',
];

class QueryGenerator {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = prng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private fields(names: readonly string[]): string {
    const chosen = names.filter(() => this.chance(0.3));
    return (chosen.length ? chosen : [this.pick(names)]).join(' ');
  }

  private first(): string {
    return this.chance(0.2) ? '' : `(first: ${1 + Math.floor(this.random() * 4)})`;
  }

  /** Sometimes wraps a selection in an inline fragment or a skip/include. */
  private wrap(selection: string, type: string): string {
    if (this.chance(0.15)) return `... on ${type} { ${selection} }`;
    if (this.chance(0.1)) return `... @include(if: $yes) { ${selection} }`;
    if (this.chance(0.1)) return `... @skip(if: $yes) { ${selection} }`;
    return selection;
  }

  membership(depth: number): string {
    const parts = [this.fields(MEMBERSHIP_FIELDS)];
    if (this.chance(0.25)) parts.push('tags { key }');
    if (depth > 0 && this.chance(0.5))
      parts.push(`collaboration { ${this.collaboration(depth - 1)} }`);
    return this.wrap(parts.join(' '), 'Membership');
  }

  collaboration(depth: number): string {
    const parts = [this.fields(COLLABORATION_FIELDS)];
    if (depth > 0 && this.chance(0.4)) {
      const member = this.chance(0.5) ? ` membership { ${this.membership(depth - 1)} }` : '';
      parts.push(`members${this.first()} { nodes { accountId status${member} } }`);
    }
    if (depth > 0 && this.chance(0.3)) parts.push(`membership { ${this.membership(depth - 1)} }`);
    // Aliased for the same reason as queryLogStatus (Collaboration.tags is nullable).
    if (this.chance(0.2)) parts.push('collaborationTags: tags { key }');
    return this.wrap(parts.join(' '), 'Collaboration');
  }

  root(): string {
    const depth = Math.floor(this.random() * 4);
    const roots = [
      () =>
        `membership(id: "${this.pick([...M, IDS.acmeBrandLiftMembership, IDS.unknownMembership])}") { ${this.membership(depth)} }`,
      () =>
        `memberships${this.first()} { nodes { ${this.membership(depth)} } pageInfo { hasNextPage } }`,
      () =>
        `collaboration(id: "${this.pick([IDS.retailMeasurement, IDS.audienceOverlap, IDS.mlPilot, IDS.brandLift])}") { ${this.collaboration(depth)} }`,
      () => `collaborations${this.first()} { nodes { ${this.collaboration(depth)} } }`,
      () =>
        `_entities(representations: [${[...M, IDS.retailMeasurement]
          .filter(() => this.chance(0.6))
          .map(
            (id) =>
              `{ __typename: "${id.startsWith('c') ? 'Collaboration' : 'Membership'}", id: "${id}" }`,
          )
          .join(
            ', ',
          )}]) { ... on Membership { ${this.membership(depth)} } ... on Collaboration { ${this.collaboration(depth)} } }`,
    ];
    return this.pick(roots)();
  }

  /** A mutation of the console set (tags, collaboration changes) or updateMembership. */
  mutation(): string {
    const depth = Math.floor(this.random() * 3);
    const n = Math.floor(this.random() * 1000);
    const collaboration = this.pick([IDS.audienceOverlap, IDS.retailMeasurement]);
    const roots = [
      () =>
        `tagMembership(id: "${this.pick(M)}", tags: [{ key: "k${n}", value: "v" }]) { ${this.membership(depth)} }`,
      () =>
        `untagMembership(id: "${this.pick(M)}", tagKeys: ["team"]) { ${this.membership(depth)} }`,
      () =>
        `tagCollaboration(id: "${collaboration}", tags: [{ key: "k${n}", value: "v" }]) { ${this.collaboration(depth)} }`,
      () =>
        `untagCollaboration(id: "${collaboration}", tagKeys: ["project"]) { ${this.collaboration(depth)} }`,
      () =>
        `updateCollaboration(input: { collaborationIdentifier: "${collaboration}", name: "N${n}" }) { ${this.collaboration(depth)} }`,
      () =>
        `updateMembership(input: { membershipIdentifier: "${M[0]}" }) { ${this.membership(depth)} }`,
      () => `deleteCollaboration(id: "${collaboration}")`,
    ];
    return this.pick(roots)();
  }

  operation(kind: 'query' | 'mutation' = 'query'): string {
    const count = 1 + Math.floor(this.random() * 3);
    const root = () => (kind === 'query' ? this.root() : this.mutation());
    const fields = Array.from({ length: count }, (_, i) => `f${i}: ${root()}`).join(' ');
    return fields.includes('$yes')
      ? `${kind} ($yes: Boolean = true) { ${fields} }`
      : `${kind} { ${fields} }`;
  }
}

describe('an upper bound on a generated query set', () => {
  const OPERATIONS = 150;

  it(`holds on ${OPERATIONS} generated operations: awsCalls <= estimatedAwsCalls, awsCalls = what went out`, async () => {
    // COST_SEED replays or widens the search (e.g. COST_SEED=7 npx jest cost); the default is fixed.
    const generator = new QueryGenerator(Number(process.env.COST_SEED ?? 20261201));
    let checked = 0;
    let exact = 0;
    for (let i = 0; i < OPERATIONS; i++) {
      const query = generator.operation();
      const { body, cost, served } = await measure(query);
      const where = `operation ${i}: ${query}\n${JSON.stringify(body.errors ?? []).slice(0, 400)}`;
      expect({ where, ok: cost.awsCalls <= cost.estimatedAwsCalls }).toEqual({ where, ok: true });
      expect({ where, served: cost.awsCalls }).toEqual({ where, served });
      expect(cost.cacheHits).toBe(0);
      checked++;
      if (cost.awsCalls === cost.estimatedAwsCalls) exact++;
    }
    expect(checked).toBe(OPERATIONS);
    // Not a target, a sign the set is varied: some estimates are exact, some are not.
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThan(OPERATIONS);
  });
});

describe('an upper bound on generated mutations', () => {
  const OPERATIONS = 60;

  it(`holds on ${OPERATIONS} generated operations of 1-3 mutations, each on a fresh seed`, async () => {
    const generator = new QueryGenerator(Number(process.env.COST_SEED ?? 20261202));
    const names = new Set<string>();
    for (let i = 0; i < OPERATIONS; i++) {
      const query = generator.operation('mutation');
      for (const [, name] of query.matchAll(/f\d: (\w+)/g)) names.add(name as string);
      gw.emulator.reset(true);
      const { body, cost } = await measure(query);
      // When a non-null field fails and nulls its parent, GraphQL answers without waiting for
      // the parent's other fields, which may still call AWS after the response: let them land,
      // then hold everything that reached AWS to the estimate.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const served = gw.totalCalls();
      const where = `operation ${i}: ${query}\n${JSON.stringify(body.errors ?? []).slice(0, 400)}`;
      expect({ where, ok: cost.awsCalls <= cost.estimatedAwsCalls }).toEqual({ where, ok: true });
      expect({ where, ok: served <= cost.estimatedAwsCalls }).toEqual({ where, ok: true });
    }
    gw.emulator.reset(true);
    // Every mutation of the set was tried.
    expect(names.size).toBe(7);
  });
});

describe('retries and the budget', () => {
  let retrying: TestGateway;
  beforeAll(async () => {
    retrying = await startTestGateway({ maxAttempts: 3 });
  });
  afterAll(() => retrying.close());
  afterEach(() => retrying.emulator.faults.clear());

  it('retries a throttled call when the estimate leaves room, and counts the retry', async () => {
    retrying.emulator.faults.add({
      operation: 'GetMembership',
      errorType: 'ThrottlingException',
      times: 1,
    });
    retrying.resetCalls();
    // Up to 11 calls estimated, 5 needed: room for the retry.
    const { body } = await retrying.gql('{ memberships(first: 10) { nodes { queryLogStatus } } }');
    expect(body.errors).toBeUndefined();
    const cost = costOf(body);
    expect(cost).toMatchObject({ estimatedAwsCalls: 11, awsCalls: 6 });
    expect(retrying.totalCalls()).toBe(6);
  });

  it('makes no retry beyond the estimate: awsCalls never exceeds it', async () => {
    retrying.emulator.faults.add({
      operation: 'GetMembership',
      errorType: 'ThrottlingException',
      times: 1,
    });
    retrying.resetCalls();
    // Exactly 1 call estimated and needed: the throttled call fails instead of being retried.
    const { body } = await retrying.gql(`{ membership(id: "${M[0]}") { queryLogStatus } }`);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['THROTTLED']);
    expect(costOf(body)).toMatchObject({ estimatedAwsCalls: 1, awsCalls: 1 });
    expect(retrying.totalCalls()).toBe(1);
  });
});

describe('once the answer is sent', () => {
  afterEach(() => gw.emulator.faults.clear());

  it('no field left running calls AWS any more: what reached AWS is what the answer reports', async () => {
    // tags (non-null) fails at once and nulls the whole list, so GraphQL answers while each
    // collaboration's ListMembers is still slow; the members' own membership would then need a
    // GetMembership nobody will ever see.
    gw.emulator.faults.add({
      operation: 'ListTagsForResource',
      errorType: 'InternalServerException',
    });
    gw.emulator.faults.add({ operation: 'ListMembers', latencyMs: 150 });
    const { body, cost } = await measure(
      `{ memberships(first: 1, status: ACTIVE) { nodes { id tags { key }
          collaboration { members { nodes { membership { queryLogStatus } } } } } } }`,
    );
    expect(body.data).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(gw.calls()).toEqual({ ListMemberships: 1, ListTagsForResource: 1, ListMembers: 1 });
    expect(cost.awsCalls).toBe(3);
  });
});
