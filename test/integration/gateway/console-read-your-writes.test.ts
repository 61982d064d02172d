/**
 * Read-your-writes of the console mutations with the shared read cache on (CACHE_TTL_SECONDS):
 * a read is cached, the mutation runs in its own request, and the next request's read must
 * show the change — which needs the mutation to have made exactly the right cache families
 * stale (the tags of that ARN). Each
 * test first shows that the read really is served from the cache.
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS, runOperation } from '../../helpers/gateway-expect';

let gw: TestGateway;
// A gateway per test: its cache must not hold reads of another test's (since reset) data.
beforeEach(async () => {
  gw = await startTestGateway({ env: { CACHE_TTL_SECONDS: '300' } });
});
afterEach(() => gw.close());

const run = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  runOperation<T>(gw, query, variables);

/** Reads `query` twice: the second answer must come from the cache alone. */
async function cached(query: string) {
  const first = await run(query);
  expect(first.body.errors).toBeUndefined();
  const second = await run(query);
  expect(second.data).toEqual(first.data);
  expect(second.calls).toEqual({});
  return first.data;
}

async function mutate(query: string) {
  const result = await run(query);
  expect(result.body.errors).toBeUndefined();
  return result;
}

describe('with CACHE_TTL_SECONDS on, the next request sees the write', () => {
  it('tagMembership and untagMembership: the tags of that membership', async () => {
    const read = `{ membership(id: "${IDS.acmeRetailMembership}") { tags { key value } } }`;
    expect(await cached(read)).toEqual({
      membership: {
        tags: [
          { key: 'cost-center', value: '42' },
          { key: 'team', value: 'ads' },
        ],
      },
    });
    const tagged = await mutate(`mutation {
      tagMembership(id: "${IDS.acmeRetailMembership}", tags: [{ key: "team", value: "ml" }]) { id }
    }`);
    // The ARN came from the cached GetMembership: only TagResource reached AWS.
    expect(tagged.calls).toEqual({ TagResource: 1 });
    expect(tagged.cost).toMatchObject({ awsCalls: 1, cacheHits: 1 });

    const after = await run(read);
    expect(after.data).toEqual({
      membership: {
        tags: [
          { key: 'cost-center', value: '42' },
          { key: 'team', value: 'ml' },
        ],
      },
    });
    expect(after.calls).toEqual({ ListTagsForResource: 1 });

    await mutate(`mutation {
      untagMembership(id: "${IDS.acmeRetailMembership}", tagKeys: ["team"]) { id }
    }`);
    expect((await run(read)).data).toEqual({
      membership: { tags: [{ key: 'cost-center', value: '42' }] },
    });
  });

  it('tagCollaboration and untagCollaboration: the tags of that collaboration', async () => {
    const read = `{ collaboration(id: "${IDS.audienceOverlap}") { tags { key } } }`;
    expect(await cached(read)).toEqual({ collaboration: { tags: [{ key: 'project' }] } });
    await mutate(`mutation {
      tagCollaboration(id: "${IDS.audienceOverlap}", tags: [{ key: "env", value: "prod" }]) { id }
    }`);
    expect((await run(read)).data).toEqual({
      collaboration: { tags: [{ key: 'env' }, { key: 'project' }] },
    });
    await mutate(`mutation {
      untagCollaboration(id: "${IDS.audienceOverlap}", tagKeys: ["project"]) { id }
    }`);
    expect((await run(read)).data).toEqual({ collaboration: { tags: [{ key: 'env' }] } });
  });
});
