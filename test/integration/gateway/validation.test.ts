/**
 * Input validation: every value AWS would reject is refused by the gateway first — one
 * BAD_USER_INPUT error listing `extensions.fields = [{ path, message }]` with dotted input paths —
 * and no AWS call is made. Each mutation case runs twice, with the input written inline and
 * passed as a variable, which must behave the same. Ids in the cases do not exist, so a value the
 * gateway wrongly let through would fail at AWS without changing the seed (and the zero-call
 * assertion would catch it). Malformed requests get an error response and the server keeps
 * answering.
 */
import { startTestGateway, type GraphQLBody, type TestGateway } from '../../helpers/gateway';
import { IDS, expectSafeErrors, fieldPaths, onlyError } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

/** An enum value: bare in a GraphQL literal, a string in JSON variables. */
class EnumValue {
  constructor(readonly value: string) {}
  toJSON(): string {
    return this.value;
  }
}
const E = (value: string) => new EnumValue(value);

/** Writes a JS value as a GraphQL input literal. */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${literal(v)}`);
    return `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value);
}

type Input = Record<string, unknown>;
type Mutation = 'createMembership' | 'updateMembership' | 'createCollaboration';

const INPUT_TYPES: Record<Mutation, string> = {
  createMembership: 'CreateMembershipInput',
  updateMembership: 'UpdateMembershipInput',
  createCollaboration: 'CreateCollaborationInput',
};

async function send(
  mutation: Mutation,
  input: Input,
  via: 'literal' | 'variables',
): Promise<GraphQLBody<unknown>> {
  const { status, body } =
    via === 'literal'
      ? await gw.gql(`mutation { ${mutation}(input: ${literal(input)}) { id } }`)
      : await gw.gql(
          `mutation ($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { id } }`,
          { input: JSON.parse(JSON.stringify(input)) as Input },
        );
  expect(status).toBe(200);
  return body;
}

/**
 * Asserts one BAD_USER_INPUT error with exactly these field paths (each message matching
 * `message`), the data a refused root field leaves (null for non-null fields), and no AWS call.
 */
function expectRefused(
  body: GraphQLBody<unknown>,
  paths: string[],
  message: RegExp,
  data: unknown = null,
): void {
  expect(body.data).toEqual(data);
  const error = onlyError(body);
  expect(error.message).toBe('Invalid input');
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(fieldPaths(error)).toEqual(paths);
  const fields = error.extensions?.fields as Array<{ message: string }>;
  for (const field of fields) expect(field.message).toMatch(message);
  expect(gw.totalCalls()).toBe(0);
}

const S3 = 'defaultResultConfiguration.outputConfiguration.s3';
const JOB_S3 = 'defaultJobResultConfiguration.outputConfiguration.s3';
const ROLE = 'arn:aws:iam::123456789012:role/CleanRoomsQueryResults';

const membershipInput = (overrides: Input = {}): Input => ({
  collaborationIdentifier: IDS.unknownCollaboration,
  queryLogStatus: E('DISABLED'),
  ...overrides,
});
const queryResults = (s3: Input, roleArn: string | undefined = ROLE): Input => ({
  defaultResultConfiguration: {
    outputConfiguration: { s3: { resultFormat: E('CSV'), bucket: 'valid-bucket', ...s3 } },
    roleArn,
  },
});
const jobResults = (s3: Input, roleArn = ROLE): Input => ({
  defaultJobResultConfiguration: {
    outputConfiguration: { s3: { bucket: 'valid-bucket', ...s3 } },
    roleArn,
  },
});
const tags = (list: Array<[string, string]>): Input => ({
  tags: list.map(([key, value]) => ({ key, value })),
});

const LENGTH = /length (greater|less) than or equal to/;
const PATTERN = /regular expression pattern/;
const ANY = /\S/;

type Case = [name: string, mutation: Mutation, input: Input, paths: string[], message: RegExp];

const CASES: Case[] = [
  // ids
  [
    'an uppercase collaboration id',
    'createMembership',
    membershipInput({ collaborationIdentifier: IDS.mlPilot.toUpperCase() }),
    ['collaborationIdentifier'],
    PATTERN,
  ],
  [
    'a collaboration id of the wrong length',
    'createMembership',
    membershipInput({ collaborationIdentifier: IDS.mlPilot.slice(1) }),
    ['collaborationIdentifier'],
    LENGTH,
  ],
  [
    'a collaboration ARN instead of its id',
    'createMembership',
    membershipInput({
      collaborationIdentifier: `arn:aws:cleanrooms:us-east-1:444444444444:collaboration/${IDS.mlPilot}`,
    }),
    ['collaborationIdentifier'],
    LENGTH,
  ],
  [
    'an uppercase membership id',
    'updateMembership',
    { membershipIdentifier: IDS.unknownMembership.toUpperCase() },
    ['membershipIdentifier'],
    PATTERN,
  ],
  // S3 destinations
  [
    'a bucket name that is too short',
    'createMembership',
    membershipInput(queryResults({ bucket: 'ab' })),
    [`${S3}.bucket`],
    LENGTH,
  ],
  [
    'a bucket name with uppercase letters',
    'createMembership',
    membershipInput(queryResults({ bucket: 'Acme-Results' })),
    [`${S3}.bucket`],
    PATTERN,
  ],
  [
    'a bucket name with underscores',
    'createMembership',
    membershipInput(queryResults({ bucket: 'acme_results' })),
    [`${S3}.bucket`],
    PATTERN,
  ],
  [
    'a bucket name shaped like an IP address',
    'createMembership',
    membershipInput(queryResults({ bucket: '192.168.1.1' })),
    [`${S3}.bucket`],
    PATTERN,
  ],
  [
    'a bucket name longer than 63 characters',
    'createMembership',
    membershipInput(queryResults({ bucket: 'a'.repeat(64) })),
    [`${S3}.bucket`],
    LENGTH,
  ],
  [
    'a key prefix longer than 512 characters',
    'createMembership',
    membershipInput(queryResults({ keyPrefix: 'p'.repeat(513) })),
    [`${S3}.keyPrefix`],
    LENGTH,
  ],
  [
    'a role ARN that is not an IAM role',
    'createMembership',
    membershipInput(queryResults({}, 'arn:aws:iam::123456789012:user/CleanRoomsQueryResults')),
    ['defaultResultConfiguration.roleArn'],
    PATTERN,
  ],
  [
    'a role ARN that is too short',
    'createMembership',
    membershipInput(queryResults({}, 'arn:aws:iam::1:role/r')),
    ['defaultResultConfiguration.roleArn'],
    LENGTH,
  ],
  [
    'an output configuration with no member',
    'createMembership',
    membershipInput({ defaultResultConfiguration: { outputConfiguration: {}, roleArn: ROLE } }),
    ['defaultResultConfiguration.outputConfiguration'],
    /exactly one of \[s3\]/,
  ],
  [
    'an output configuration whose only member is null',
    'createMembership',
    membershipInput({ defaultResultConfiguration: { outputConfiguration: { s3: null } } }),
    ['defaultResultConfiguration.outputConfiguration'],
    /exactly one of \[s3\]/,
  ],
  [
    'a job output configuration with no member',
    'createMembership',
    membershipInput({ defaultJobResultConfiguration: { outputConfiguration: {}, roleArn: ROLE } }),
    ['defaultJobResultConfiguration.outputConfiguration'],
    /exactly one of \[s3\]/,
  ],
  [
    'a bad job bucket name',
    'createMembership',
    membershipInput(jobResults({ bucket: 'Job_Results' })),
    [`${JOB_S3}.bucket`],
    PATTERN,
  ],
  [
    'a bad job role ARN',
    'createMembership',
    membershipInput(jobResults({}, 'arn:aws:iam::123456789012:group/CleanRoomsJobs')),
    ['defaultJobResultConfiguration.roleArn'],
    PATTERN,
  ],
  // tags
  [
    'more than 50 tags',
    'createMembership',
    membershipInput(tags(Array.from({ length: 51 }, (_, i): [string, string] => [`k${i}`, 'v']))),
    ['tags'],
    /less than or equal to 50/,
  ],
  [
    'duplicate tag keys',
    'createMembership',
    membershipInput(
      tags([
        ['team', 'a'],
        ['team', 'b'],
      ]),
    ),
    ['tags'],
    /appears more than once/,
  ],
  [
    'a tag key with the reserved aws: prefix',
    'createMembership',
    membershipInput(tags([['aws:owner', 'me']])),
    ['tags'],
    /reserved for AWS/,
  ],
  [
    'a tag key with the reserved prefix in capitals',
    'createMembership',
    membershipInput(tags([['AWS:owner', 'me']])),
    ['tags'],
    /reserved for AWS/,
  ],
  [
    'an empty tag key',
    'createMembership',
    membershipInput(tags([['', 'v']])),
    ['tags[0].key'],
    LENGTH,
  ],
  [
    'a tag key longer than 128 characters',
    'createMembership',
    membershipInput(
      tags([
        ['ok', 'v'],
        ['k'.repeat(129), 'v'],
      ]),
    ),
    ['tags[1].key'],
    LENGTH,
  ],
  [
    'a tag value longer than 256 characters',
    'createMembership',
    membershipInput(tags([['k', 'v'.repeat(257)]])),
    ['tags[0].value'],
    LENGTH,
  ],
  // several problems at once: all are reported
  [
    'several invalid members at once',
    'createMembership',
    membershipInput({
      collaborationIdentifier: 'not-a-uuid',
      ...queryResults({ bucket: 'x' }),
      ...tags([['', 'v']]),
    }),
    ['collaborationIdentifier', 'tags[0].key', `${S3}.bucket`],
    ANY,
  ],
  // updateMembership: every optional member that the API cannot clear refuses an explicit null
  ...(
    [
      'queryLogStatus',
      'jobLogStatus',
      'defaultResultConfiguration',
      'defaultJobResultConfiguration',
    ] as const
  ).map((member): Case => [
    `null as ${member} of an update`,
    'updateMembership',
    { membershipIdentifier: IDS.unknownMembership, [member]: null },
    [member],
    /cannot be cleared/,
  ]),
  [
    'a bad bucket in an update',
    'updateMembership',
    { membershipIdentifier: IDS.unknownMembership, ...queryResults({ bucket: 'Bad_Bucket' }) },
    [`${S3}.bucket`],
    PATTERN,
  ],
];

const collaborationInput = (overrides: Input = {}): Input => ({
  name: 'Validation',
  creatorDisplayName: 'Acme Analytics',
  creatorMemberAbilities: [E('CAN_QUERY')],
  queryLogStatus: E('DISABLED'),
  members: [{ accountId: '111111111111', displayName: 'Northwind', memberAbilities: [] }],
  ...overrides,
});
const invite = (member: Input): Input => ({
  members: [
    { accountId: '111111111111', displayName: 'Northwind', memberAbilities: [], ...member },
  ],
});

const COLLABORATION_CASES: Case[] = [
  [
    'an account id of 5 digits',
    'createCollaboration',
    collaborationInput(invite({ accountId: '12345' })),
    ['members[0].accountId'],
    LENGTH,
  ],
  [
    'an account id of 13 digits',
    'createCollaboration',
    collaborationInput(invite({ accountId: '1234567890123' })),
    ['members[0].accountId'],
    LENGTH,
  ],
  [
    'a blank member display name',
    'createCollaboration',
    collaborationInput(invite({ displayName: '   ' })),
    ['members[0].displayName'],
    PATTERN,
  ],
  [
    'a member display name over 100 characters',
    'createCollaboration',
    collaborationInput(invite({ displayName: 'd'.repeat(101) })),
    ['members[0].displayName'],
    LENGTH,
  ],
  [
    'an empty creator display name',
    'createCollaboration',
    collaborationInput({ creatorDisplayName: '' }),
    ['creatorDisplayName'],
    LENGTH,
  ],
  [
    'a blank creator display name',
    'createCollaboration',
    collaborationInput({ creatorDisplayName: ' \t ' }),
    ['creatorDisplayName'],
    PATTERN,
  ],
  [
    'a creator display name over 100 characters',
    'createCollaboration',
    collaborationInput({ creatorDisplayName: 'c'.repeat(101) }),
    ['creatorDisplayName'],
    LENGTH,
  ],
  ['a blank name', 'createCollaboration', collaborationInput({ name: '   ' }), ['name'], PATTERN],
  ['an empty name', 'createCollaboration', collaborationInput({ name: '' }), ['name'], LENGTH],
  [
    'a name over 100 characters',
    'createCollaboration',
    collaborationInput({ name: 'n'.repeat(101) }),
    ['name'],
    LENGTH,
  ],
  [
    'a description over 255 characters',
    'createCollaboration',
    collaborationInput({ description: 'd'.repeat(256) }),
    ['description'],
    LENGTH,
  ],
  [
    'a region where results cannot be written',
    'createCollaboration',
    collaborationInput({ allowedResultRegions: ['mars-north-1'] }),
    ['allowedResultRegions'],
    /enum value set/,
  ],
  [
    'duplicate collaboration tag keys',
    'createCollaboration',
    collaborationInput(
      tags([
        ['env', 'a'],
        ['env', 'b'],
      ]),
    ),
    ['tags'],
    /appears more than once/,
  ],
  [
    'an invalid second member',
    'createCollaboration',
    collaborationInput({
      members: [
        { accountId: '111111111111', displayName: 'Northwind', memberAbilities: [] },
        { accountId: '2222', displayName: 'Contoso', memberAbilities: [] },
      ],
    }),
    ['members[1].accountId'],
    LENGTH,
  ],
];

describe.each(['literal', 'variables'] as const)('inputs given as %s', (via) => {
  it.each([...CASES, ...COLLABORATION_CASES])(
    'refuses %s before calling AWS',
    async (_name, mutation, input, paths, message) => {
      expectRefused(await send(mutation, input, via), paths, message);
    },
  );
});

describe('UNKNOWN, an output-only enum value, is not in any input enum', () => {
  // [name, mutation, input, the input enum that lacks it]
  const UNKNOWN_CASES: Array<[string, Mutation, Input, string]> = [
    [
      'queryLogStatus',
      'createMembership',
      membershipInput({ queryLogStatus: E('UNKNOWN') }),
      'MembershipQueryLogStatusInput',
    ],
    [
      'jobLogStatus',
      'createMembership',
      membershipInput({ jobLogStatus: E('UNKNOWN') }),
      'MembershipJobLogStatusInput',
    ],
    [
      'a result format',
      'createMembership',
      membershipInput(queryResults({ resultFormat: E('UNKNOWN') })),
      'ResultFormatInput',
    ],
    [
      'queryLogStatus of an update',
      'updateMembership',
      { membershipIdentifier: IDS.unknownMembership, queryLogStatus: E('UNKNOWN') },
      'MembershipQueryLogStatusInput',
    ],
    [
      'a creator ability',
      'createCollaboration',
      collaborationInput({ creatorMemberAbilities: [E('CAN_QUERY'), E('UNKNOWN')] }),
      'MemberAbilityInput',
    ],
    [
      'a member ability',
      'createCollaboration',
      collaborationInput(invite({ memberAbilities: [E('UNKNOWN')] })),
      'MemberAbilityInput',
    ],
    [
      'a machine-learning ability',
      'createCollaboration',
      collaborationInput({ creatorMLMemberAbilities: { customMLMemberAbilities: [E('UNKNOWN')] } }),
      'CustomMLMemberAbilityInput',
    ],
    [
      'the analytics engine',
      'createCollaboration',
      collaborationInput({ analyticsEngine: E('UNKNOWN') }),
      'AnalyticsEngineInput',
    ],
    [
      'the query log status of a collaboration',
      'createCollaboration',
      collaborationInput({ queryLogStatus: E('UNKNOWN') }),
      'CollaborationQueryLogStatusInput',
    ],
    [
      'an auto-approved change type',
      'createCollaboration',
      collaborationInput({ autoApprovedChangeRequestTypes: [E('UNKNOWN')] }),
      'AutoApprovedChangeTypeInput',
    ],
  ];

  it.each(UNKNOWN_CASES)(
    'as %s: refused by GraphQL validation as a literal, by variable coercion as a variable',
    async (_name, mutation, input, enumName) => {
      const literalResponse = await gw.gql(
        `mutation { ${mutation}(input: ${literal(input)}) { id } }`,
      );
      expect(literalResponse.status).toBe(400);
      const literalError = onlyError(literalResponse.body);
      expect(literalError.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(literalError.message).toContain(`"UNKNOWN" does not exist in "${enumName}" enum`);

      const variableResponse = await gw.gql(
        `mutation ($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { id } }`,
        { input: JSON.parse(JSON.stringify(input)) as Input },
      );
      expect(variableResponse.status).toBe(400);
      const variableError = onlyError(variableResponse.body);
      expect(variableError.extensions?.code).toBe('BAD_USER_INPUT');
      expect(variableError.message).toContain(`"UNKNOWN" does not exist in "${enumName}" enum`);
      expect(gw.totalCalls()).toBe(0);
    },
  );

  it('memberships(status: UNKNOWN) is refused too; the filter keeps the contract type MembershipStatus', async () => {
    const { status, body } = await gw.gql('{ memberships(status: UNKNOWN) { nodes { id } } }');
    expect(status).toBe(400);
    expect(onlyError(body).message).toContain(
      '"UNKNOWN" does not exist in "MembershipStatus" enum',
    );
    const filtered = await gw.gql(
      'query ($s: MembershipStatus) { memberships(status: $s) { nodes { status } } }',
      { s: 'REMOVED' },
    );
    expect(filtered.body).toMatchObject({
      data: { memberships: { nodes: [{ status: 'REMOVED' }] } },
    });
    expect(filtered.body.errors).toBeUndefined();
  });
});

describe('query arguments', () => {
  const QUERY_CASES: Array<[name: string, query: string, path: string, message: RegExp]> = [
    [
      'an uppercase membership id',
      `{ membership(id: "${IDS.acmeRetailMembership.toUpperCase()}") { id } }`,
      'id',
      PATTERN,
    ],
    [
      'a membership id of the wrong length',
      `{ membership(id: "${IDS.acmeRetailMembership}0") { id } }`,
      'id',
      LENGTH,
    ],
    ['an empty membership id', '{ membership(id: "") { id } }', 'id', LENGTH],
    [
      'a membership ARN instead of its id',
      `{ membership(id: "arn:aws:cleanrooms:us-east-1:123456789012:membership/${IDS.acmeRetailMembership}") { id } }`,
      'id',
      LENGTH,
    ],
    [
      'an uppercase collaboration id',
      `{ collaboration(id: "${IDS.retailMeasurement.toUpperCase()}") { id } }`,
      'id',
      PATTERN,
    ],
    [
      'a collaboration id with a stray character',
      `{ collaboration(id: "${IDS.retailMeasurement.slice(0, 35)}g") { id } }`,
      'id',
      PATTERN,
    ],
    [
      'memberships(first: 0)',
      '{ memberships(first: 0) { nodes { id } } }',
      'first',
      /greater than or equal to 1/,
    ],
    [
      'memberships(first: 101)',
      '{ memberships(first: 101) { nodes { id } } }',
      'first',
      /less than or equal to 100/,
    ],
    [
      'collaborations(first: 0)',
      '{ collaborations(first: 0) { nodes { id } } }',
      'first',
      /greater than or equal to 1/,
    ],
    [
      'collaborations(first: 101)',
      '{ collaborations(first: 101) { nodes { id } } }',
      'first',
      /less than or equal to 100/,
    ],
    [
      'a cursor longer than AWS accepts',
      `{ memberships(after: "${'t'.repeat(10241)}") { nodes { id } } }`,
      'after',
      LENGTH,
    ],
  ];

  it.each(QUERY_CASES)('refuses %s before calling AWS', async (_name, query, path, message) => {
    const { status, body } = await gw.gql(query);
    expect(status).toBe(200);
    // membership and collaboration are nullable: the refused field is null, not the data.
    const field = /^\{ (\w+)/.exec(query)?.[1] as string;
    const nullable = field === 'membership' || field === 'collaboration';
    expectRefused(body, [path], message, nullable ? { [field]: null } : null);
  });

  it('refuses the same argument given as a variable', async () => {
    const { body } = await gw.gql(
      'query ($first: Int) { memberships(first: $first) { nodes { id } } }',
      {
        first: 101,
      },
    );
    expectRefused(body, ['first'], /less than or equal to 100/);
  });

  it('refuses bad arguments of a nested list before its parent is fetched: zero AWS calls', async () => {
    const { body } = await gw.gql(
      `{ collaboration(id: "${IDS.retailMeasurement}") { members(first: 0) { nodes { accountId } } } }`,
    );
    // The parent would need GetCollaboration; the operation is refused before that call, and the
    // error names the invalid nested argument.
    const error = onlyError(body);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldPaths(error)).toEqual(['first']);
    expect(error.path).toEqual(['collaboration']);
    expect(error.message).toContain('collaboration.members');
    expect(body.data).toEqual({ collaboration: null });
    expect(gw.totalCalls()).toBe(0);
  });

  it('refuses a whole operation when one of several root fields has an invalid argument', async () => {
    const { body } = await gw.gql(
      `{ ok: membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus } bad: membership(id: "nope") { id } }`,
    );
    // The valid field is not executed against AWS either; both carry the invalid argument.
    expect(body.data).toEqual({ ok: null, bad: null });
    const byPath = Object.fromEntries((body.errors ?? []).map((e) => [String(e.path?.[0]), e]));
    expect(byPath.ok?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(byPath.ok?.message).toContain('(at bad)');
    expect(byPath.bad?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldPaths(byPath.bad as NonNullable<typeof byPath.bad>)).toEqual(['id']);
    expect(gw.totalCalls()).toBe(0);
  });
});

describe('which fields are checked before execution', () => {
  const BAD_BUCKET = { s3: { bucket: 'Bad_Bucket', resultFormat: E('CSV') } };

  it('refuses a multi-root mutation for an invalid nested input in its second field: no AWS call', async () => {
    const { body } = await gw.gql(`mutation {
      a: updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: ENABLED }) { id }
      b: createMembership(input: ${literal(
        membershipInput({ defaultResultConfiguration: { outputConfiguration: BAD_BUCKET } }),
      )}) { id }
    }`);
    // `a` is valid but is not run: the operation is refused as a whole, and the first error
    // (a is non-null, so execution stops there) names the invalid field and its input path.
    expect(body.data).toBeNull();
    const error = onlyError(body);
    expect(error.path).toEqual(['a']);
    expect(error.message).toContain('(at b)');
    expect(fieldPaths(error)).toEqual([`${S3}.bucket`]);
    expect(gw.totalCalls()).toBe(0);
  });

  it.each([
    [
      'a named fragment',
      `query { ...F } fragment F on Query {
        collaboration(id: "${IDS.retailMeasurement}") { members(first: 0) { nodes { accountId } } }
      }`,
    ],
    [
      'an inline fragment inside a named fragment',
      `query { ...F } fragment F on Query {
        ... on Query { memberships(first: 101) { nodes { id } } }
      }`,
    ],
    [
      'a fragment spread inside a nested selection',
      `query { collaborations { nodes { ...Members } } }
       fragment Members on Collaboration { members(first: 500) { nodes { accountId } } }`,
    ],
  ])('refuses an invalid argument inside %s before any AWS call', async (_name, query) => {
    const { body } = await gw.gql(query);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
    expect(body.errors?.flatMap((e) => fieldPaths(e))).toContain('first');
    expect(gw.totalCalls()).toBe(0);
  });

  it.each([
    ['@skip(if: true) on the field', 'bad: membership(id: "nope") @skip(if: true) { id }'],
    ['@include(if: false) on the field', 'bad: membership(id: "nope") @include(if: false) { id }'],
    [
      'a skipped inline fragment',
      '... @skip(if: true) { bad: memberships(first: 0) { nodes { id } } }',
    ],
    ['a skipped fragment spread', '...Bad @include(if: false)'],
  ])('ignores an invalid argument of a field that is not executed: %s', async (_name, skipped) => {
    const fragment = skipped.includes('...Bad')
      ? 'fragment Bad on Query { bad: memberships(first: 0) { nodes { id } } }'
      : '';
    const { body } = await gw.gql(
      `query { ${skipped} ok: memberships(first: 1) { nodes { id } } } ${fragment}`,
    );
    expectSafeErrors(body);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ ok: { nodes: [{ id: IDS.acmeRetailMembership }] } });
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it('follows @skip/@include variables: the same document is refused or served by its variables', async () => {
    const query = `query ($skip: Boolean!, $include: Boolean!) {
      bad: membership(id: "nope") @skip(if: $skip) { id }
      ... @include(if: $include) { worse: memberships(first: 0) { nodes { id } } }
      ok: memberships(first: 1) { nodes { id } }
    }`;
    const served = await gw.gql(query, { skip: true, include: false });
    expect(served.body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ ListMemberships: 1 });

    gw.resetCalls();
    const refused = await gw.gql(query, { skip: false, include: false });
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(gw.totalCalls()).toBe(0);

    gw.resetCalls();
    const refusedToo = await gw.gql(query, { skip: true, include: true });
    expect(refusedToo.body.errors?.flatMap((e) => fieldPaths(e))).toContain('first');
    expect(gw.totalCalls()).toBe(0);
  });
});

describe('valid edge values', () => {
  afterAll(() => gw.emulator.reset(true));

  it('accepts the limits themselves: first 1 and 100, 50 tags, 128/256-character tags', async () => {
    const { body } = await gw.gql(
      '{ a: memberships(first: 1) { nodes { id } } b: memberships(first: 100) { nodes { id } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ ListMemberships: 2 });

    gw.resetCalls();
    const many = Array.from({ length: 49 }, (_, i): [string, string] => [`k${i}`, '']);
    const created = await send(
      'createMembership',
      membershipInput({
        collaborationIdentifier: IDS.mlPilot,
        queryLogStatus: E('ENABLED'),
        ...tags([...many, ['k'.repeat(128), 'v'.repeat(256)]]),
        ...queryResults({ bucket: 'a.b-c.d0', keyPrefix: 'p'.repeat(512) }, ROLE),
      }),
      'variables',
    );
    expect(created.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ CreateMembership: 1 });
  });
});

describe('malformed requests', () => {
  async function post(body: string, contentType = 'application/json') {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const text = await response.text();
    return { status: response.status, text };
  }

  async function expectServerStillAnswers(): Promise<void> {
    const { status, body } = await gw.gql(
      '{ collaborations(memberStatus: INVITED) { nodes { id } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ collaborations: { nodes: [{ id: IDS.mlPilot }] } });
  }

  it.each([
    ['an invalid JSON body', '{"query": "{ memberships { nodes { id } } }"'],
    ['a JSON string instead of an object', '"{ memberships { nodes { id } } }"'],
    ['an empty body', ''],
  ])('answers %s with a 400 error and keeps serving', async (_name, raw) => {
    const { status, text } = await post(raw);
    expect(status).toBe(400);
    expect(text).not.toMatch(/stacktrace|\n\s+at /);
    expect(gw.totalCalls()).toBe(0);
    await expectServerStillAnswers();
  });

  it.each([
    ['a syntax error', '{ memberships { nodes { id } }', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ memberships { nodes { id colour } } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an unknown argument',
      '{ memberships(colour: RED) { nodes { id } } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an invalid enum literal',
      '{ collaborations(memberStatus: LEFT) { nodes { id } } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a missing required argument', '{ membership { id } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with a GraphQL error and keeps serving', async (_name, query, code) => {
    const { status, body } = await gw.gql(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    const error = onlyError(body);
    expect(error.extensions?.code).toBe(code);
    expect(gw.totalCalls()).toBe(0);
    await expectServerStillAnswers();
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT and keeps serving', async () => {
    const { status, body } = await gw.gql(
      'query ($first: Int) { memberships(first: $first) { nodes { id } } }',
      { first: 'ten' },
    );
    expect(status).toBe(400);
    expectSafeErrors(body);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.totalCalls()).toBe(0);
    await expectServerStillAnswers();
  });

  it('answers a missing required input member given as a variable with BAD_USER_INPUT', async () => {
    const { status, body } = await gw.gql(
      'mutation ($input: CreateMembershipInput!) { createMembership(input: $input) { id } }',
      { input: { collaborationIdentifier: IDS.mlPilot } },
    );
    expect(status).toBe(400);
    expectSafeErrors(body);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/queryLogStatus/);
    expect(gw.totalCalls()).toBe(0);
  });
});
