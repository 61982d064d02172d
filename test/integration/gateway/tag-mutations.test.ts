/**
 * tagMembership, untagMembership, tagCollaboration, untagCollaboration through HTTP against the
 * embedded emulator: the AWS calls each makes (the Get that finds the ARN, none when the request
 * knows it, and the tag call), what the result shows, the owner rules, and input refused with
 * BAD_USER_INPUT before any AWS call. Every test starts from a fresh demo seed.
 */
import { ListTagsForResourceCommand } from '@aws-sdk/client-cleanrooms';
import { DEMO_ACCOUNTS } from '../../../src/emulator/seed';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS, fieldPaths, onlyError, runOperation } from '../../helpers/gateway-expect';
import { inProcessClient } from '../../helpers/sdk';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.emulator.reset(true));

const run = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  runOperation<T>(gw, query, variables);

/** Runs an operation that must succeed. */
async function data<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) {
  const result = await run<T>(query, variables);
  expect(result.body.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return result;
}

const RETAIL = IDS.acmeRetailMembership;
const collaborationArnOf = (creator: string, id: string) =>
  `arn:aws:cleanrooms:us-east-1:${creator}:collaboration/${id}`;

describe('tagMembership', () => {
  it('adds and overwrites tags with GetMembership + TagResource; `tags` adds one ListTagsForResource', async () => {
    const {
      data: result,
      calls,
      cost,
    } = await data(`mutation {
      tagMembership(id: "${RETAIL}", tags: [{ key: "team", value: "measurement" }, { key: "env", value: "" }]) {
        id status collaborationName tags { key value }
      }
    }`);
    expect(result).toEqual({
      tagMembership: {
        id: RETAIL,
        status: 'ACTIVE',
        collaborationName: 'Retail media measurement',
        tags: [
          { key: 'cost-center', value: '42' },
          { key: 'env', value: '' },
          { key: 'team', value: 'measurement' },
        ],
      },
    });
    expect(calls).toEqual({ GetMembership: 1, TagResource: 1, ListTagsForResource: 1 });
    expect(cost).toEqual({ estimatedAwsCalls: 3, awsCalls: 3, cacheHits: 0 });
  });

  it('makes two calls when only the membership itself is selected', async () => {
    const { calls, cost } = await data(`mutation {
      tagMembership(id: "${RETAIL}", tags: [{ key: "a", value: "1" }]) { id arn updateTime queryLogStatus }
    }`);
    expect(calls).toEqual({ GetMembership: 1, TagResource: 1 });
    expect(cost).toMatchObject({ estimatedAwsCalls: 2, awsCalls: 2 });
  });

  it('needs no Get when the request already knows the ARN (an earlier mutation answered it)', async () => {
    const {
      data: result,
      calls,
      cost,
    } = await data(`mutation {
      u: updateMembership(input: { membershipIdentifier: "${RETAIL}", jobLogStatus: DISABLED }) { id }
      t: tagMembership(id: "${RETAIL}", tags: [{ key: "a", value: "1" }]) { jobLogStatus tags { key } }
    }`);
    expect(result).toEqual({
      u: { id: RETAIL },
      t: {
        jobLogStatus: 'DISABLED',
        tags: [{ key: 'a' }, { key: 'cost-center' }, { key: 'team' }],
      },
    });
    expect(calls).toEqual({ UpdateMembership: 1, TagResource: 1, ListTagsForResource: 1 });
    expect(cost).toMatchObject({ estimatedAwsCalls: 3, awsCalls: 3 });
  });

  it('shows the new tags to reads later in the same operation that had read them before', async () => {
    const {
      data: result,
      calls,
      cost,
    } = await data(`mutation {
      before: untagMembership(id: "${RETAIL}", tagKeys: ["nothing-here"]) { tags { key value } }
      change: tagMembership(id: "${RETAIL}", tags: [{ key: "team", value: "ml" }]) { id }
      after: untagMembership(id: "${RETAIL}", tagKeys: ["nothing-either"]) { tags { key value } }
    }`);
    expect(result).toEqual({
      before: {
        tags: [
          { key: 'cost-center', value: '42' },
          { key: 'team', value: 'ads' },
        ],
      },
      change: { id: RETAIL },
      after: {
        tags: [
          { key: 'cost-center', value: '42' },
          { key: 'team', value: 'ml' },
        ],
      },
    });
    expect(calls).toEqual({
      GetMembership: 1,
      UntagResource: 2,
      TagResource: 1,
      ListTagsForResource: 2,
    });
    expect(cost?.awsCalls).toBe(6);
    expect(cost?.estimatedAwsCalls).toBeGreaterThanOrEqual(6);
  });

  it('answers NOT_FOUND for a membership that is not the caller’s, after its one GetMembership', async () => {
    for (const id of [IDS.unknownMembership, IDS.northwindRetailMembership]) {
      const { body, calls } = await run(
        `mutation { tagMembership(id: "${id}", tags: [{ key: "a", value: "1" }]) { id } }`,
      );
      expect(onlyError(body).extensions).toMatchObject({
        code: 'NOT_FOUND',
        aws: { errorType: 'ResourceNotFoundException' },
      });
      expect(calls).toEqual({ GetMembership: 1 });
    }
  });

  it('answers BAD_USER_INPUT from AWS when the resource would carry more than 50 tags', async () => {
    const tags = Array.from({ length: 49 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const { body, calls } = await run(
      `mutation ($tags: [TagInput!]!) { tagMembership(id: "${RETAIL}", tags: $tags) { id } }`,
      { tags },
    );
    // The two tags it has plus 49 new ones: only AWS can tell.
    expect(onlyError(body).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException' },
      fields: [{ path: 'tags', message: expect.stringMatching(/at most 50/) }],
    });
    expect(calls).toEqual({ GetMembership: 1, TagResource: 1 });
  });
});

describe('untagMembership', () => {
  it('removes the keys, ignoring keys the membership does not have, with two calls', async () => {
    const { data: result, calls } = await data(`mutation {
      untagMembership(id: "${RETAIL}", tagKeys: ["team", "not-there"]) { id tags { key value } }
    }`);
    expect(result).toEqual({
      untagMembership: { id: RETAIL, tags: [{ key: 'cost-center', value: '42' }] },
    });
    expect(calls).toEqual({ GetMembership: 1, UntagResource: 1, ListTagsForResource: 1 });
  });
});

describe('tagCollaboration and untagCollaboration', () => {
  it('tag the collaboration for its creator: GetCollaboration for the ARN, then the tag call', async () => {
    const tagged = await data(`mutation {
      tagCollaboration(id: "${IDS.audienceOverlap}", tags: [{ key: "env", value: "prod" }]) {
        id name tags { key value }
      }
    }`);
    expect(tagged.data).toEqual({
      tagCollaboration: {
        id: IDS.audienceOverlap,
        name: 'Audience overlap',
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'project', value: 'overlap' },
        ],
      },
    });
    expect(tagged.calls).toEqual({
      GetCollaboration: 1,
      TagResource: 1,
      ListTagsForResource: 1,
    });
    expect(tagged.cost).toMatchObject({ estimatedAwsCalls: 3, awsCalls: 3 });

    const untagged = await data(`mutation {
      untagCollaboration(id: "${IDS.audienceOverlap}", tagKeys: ["project"]) { tags { key } }
    }`);
    expect(untagged.data).toEqual({ untagCollaboration: { tags: [{ key: 'env' }] } });
    expect(untagged.calls).toEqual({
      GetCollaboration: 1,
      UntagResource: 1,
      ListTagsForResource: 1,
    });
  });

  it('refuses a member that is not the creator (NOT_FOUND from AWS) and leaves the tags alone', async () => {
    const { body, calls } = await run(`mutation {
      tagCollaboration(id: "${IDS.retailMeasurement}", tags: [{ key: "env", value: "x" }]) { id }
    }`);
    expect(onlyError(body).extensions).toMatchObject({
      code: 'NOT_FOUND',
      aws: { errorType: 'ResourceNotFoundException' },
    });
    expect(calls).toEqual({ GetCollaboration: 1, TagResource: 1 });
    const { body: untagBody } = await run(`mutation {
      untagCollaboration(id: "${IDS.retailMeasurement}", tagKeys: ["env"]) { id }
    }`);
    expect(onlyError(untagBody).extensions?.code).toBe('NOT_FOUND');
    // The creator still sees its own tags.
    const northwind = inProcessClient(gw.emulator, DEMO_ACCOUNTS.northwind);
    const { tags } = await northwind.send(
      new ListTagsForResourceCommand({
        resourceArn: collaborationArnOf(DEMO_ACCOUNTS.northwind, IDS.retailMeasurement),
      }),
    );
    northwind.destroy();
    expect(tags).toEqual({ project: 'measurement', env: 'demo' });
  });

  it('answers FORBIDDEN for a collaboration the caller cannot see, after its one GetCollaboration', async () => {
    const { body, calls } = await run(`mutation {
      tagCollaboration(id: "${IDS.loyaltyArchived}", tags: [{ key: "env", value: "x" }]) { id }
    }`);
    expect(onlyError(body).extensions).toMatchObject({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException' },
    });
    expect(calls).toEqual({ GetCollaboration: 1 });
  });

  it('serves Collaboration.tags to the creator, and null with NOT_FOUND to anyone else', async () => {
    const { body, calls } = await run(`{
      own: collaboration(id: "${IDS.audienceOverlap}") { name tags { key value } }
      other: collaboration(id: "${IDS.retailMeasurement}") { name tags { key } }
    }`);
    expect(body.data).toEqual({
      own: { name: 'Audience overlap', tags: [{ key: 'project', value: 'overlap' }] },
      other: { name: 'Retail media measurement', tags: null },
    });
    const error = onlyError(body);
    expect(error.path).toEqual(['other', 'tags']);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(calls).toEqual({ GetCollaboration: 2, ListTagsForResource: 2 });
  });

  it('reads a list’s collaborations’ tags with no GetCollaboration (the ARN is in the summary)', async () => {
    const { body, calls, cost } = await run(`{
      collaborations(memberStatus: ACTIVE) { nodes { id tags { key } } }
    }`);
    expect(body.data).toEqual({
      collaborations: {
        nodes: [
          { id: IDS.retailMeasurement, tags: null },
          { id: IDS.audienceOverlap, tags: [{ key: 'project' }] },
        ],
      },
    });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['collaborations', 'nodes', 0, 'tags'], 'NOT_FOUND'],
    ]);
    expect(calls).toEqual({ ListCollaborations: 1, ListTagsForResource: 2 });
    // One list, and one ListTagsForResource for each of up to 100 nodes.
    expect(cost).toMatchObject({ estimatedAwsCalls: 101, awsCalls: 3 });
  });
});

describe('refused input: BAD_USER_INPUT naming the argument, and no AWS call', () => {
  const tooMany = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
  const tagCases: Array<[string, unknown, string, RegExp]> = [
    ['no tags at all', [], 'tags', /at least one tag/],
    ['an empty key', [{ key: '', value: 'v' }], 'tags[0].key', /greater than or equal to 1/],
    ['a key of 129 characters', [{ key: 'k'.repeat(129), value: '' }], 'tags[0].key', /128/],
    ['a value of 257 characters', [{ key: 'k', value: 'v'.repeat(257) }], 'tags[0].value', /256/],
    ['a reserved key', [{ key: 'aws:owner', value: 'x' }], 'tags', /reserved/],
    ['a reserved key in capitals', [{ key: 'AWS:owner', value: 'x' }], 'tags', /reserved/],
    [
      'a key twice',
      [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
      'tags',
      /more than once/,
    ],
    ['51 tags', tooMany, 'tags', /less than or equal to 50/],
  ];
  it.each(['tagMembership', 'tagCollaboration'])('%s refuses each bad tag list', async (field) => {
    const id = field === 'tagMembership' ? RETAIL : IDS.audienceOverlap;
    for (const [, tags, path, message] of tagCases) {
      const { body, calls } = await run(
        `mutation ($tags: [TagInput!]!) { ${field}(id: "${id}", tags: $tags) { id } }`,
        { tags },
      );
      const error = onlyError(body);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([{ path, message: expect.stringMatching(message) }]);
      expect(body.data).toBeNull();
      expect(calls).toEqual({});
    }
  });

  const keyCases: Array<[string, unknown, RegExp]> = [
    ['no keys at all', [], /at least one tag key/],
    ['an empty key', [''], /Item 0: .*greater than or equal to 1/],
    ['a key of 129 characters', ['ok', 'k'.repeat(129)], /Item 1: .*128/],
    ['a reserved key', ['aws:owner'], /reserved/],
    ['51 keys', Array.from({ length: 51 }, (_, i) => `k${i}`), /less than or equal to 50/],
  ];
  it.each(['untagMembership', 'untagCollaboration'])(
    '%s refuses each bad key list',
    async (field) => {
      const id = field === 'untagMembership' ? RETAIL : IDS.audienceOverlap;
      for (const [, tagKeys, message] of keyCases) {
        const { body, calls } = await run(
          `mutation ($keys: [String!]!) { ${field}(id: "${id}", tagKeys: $keys) { id } }`,
          { keys: tagKeys },
        );
        const error = onlyError(body);
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.extensions?.fields).toEqual([
          { path: 'tagKeys', message: expect.stringMatching(message) },
        ]);
        expect(calls).toEqual({});
      }
    },
  );

  it.each([
    ['tagMembership', 'tags: [{ key: "a", value: "b" }]'],
    ['untagMembership', 'tagKeys: ["a"]'],
    ['tagCollaboration', 'tags: [{ key: "a", value: "b" }]'],
    ['untagCollaboration', 'tagKeys: ["a"]'],
  ])('%s refuses an id that is not a lowercase UUID', async (field, change) => {
    const { body, calls } = await run(
      `mutation { ${field}(id: "E0000000-0000-4000-8000-000000000002", ${change}) { id } }`,
    );
    const error = onlyError(body);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldPaths(error)).toEqual(['id']);
    expect(calls).toEqual({});
  });

  it('refuses the whole operation when one of its mutations is invalid', async () => {
    const { body, calls } = await run(`mutation {
      ok: tagMembership(id: "${RETAIL}", tags: [{ key: "a", value: "b" }]) { id }
      bad: untagMembership(id: "${RETAIL}", tagKeys: []) { id }
    }`);
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
    expect(calls).toEqual({});
  });
});
