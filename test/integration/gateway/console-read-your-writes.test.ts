/**
 * Read-your-writes of the console mutations with the shared read cache on (CACHE_TTL_SECONDS):
 * a read is cached, the mutation runs in its own request, and the next request's read must
 * show the change — which needs the mutation to have made exactly the right cache families
 * stale (tags of that ARN; the collaboration, the lists and the memberships that name it). Each
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

  it('updateCollaboration: the collaboration, both lists and the membership that names it', async () => {
    const read = `{
      collaboration(id: "${IDS.audienceOverlap}") { name description }
      collaborations { nodes { id name } }
      memberships { nodes { id collaborationName } }
      membership(id: "${IDS.acmeAudienceMembership}") { collaborationName queryLogStatus }
    }`;
    const before = await cached(read);
    expect(before).toMatchObject({ membership: { collaborationName: 'Audience overlap' } });
    await mutate(`mutation {
      updateCollaboration(input: { collaborationIdentifier: "${IDS.audienceOverlap}", name: "Renamed", description: "New" }) { id }
    }`);
    const after = await run<{
      collaborations: { nodes: Array<{ id: string; name: string }> };
      memberships: { nodes: Array<{ id: string; collaborationName: string }> };
    }>(read);
    expect(after.data).toMatchObject({
      collaboration: { name: 'Renamed', description: 'New' },
      membership: { collaborationName: 'Renamed' },
    });
    expect(after.data.collaborations.nodes).toContainEqual({
      id: IDS.audienceOverlap,
      name: 'Renamed',
    });
    expect(after.data.memberships.nodes).toContainEqual({
      id: IDS.acmeAudienceMembership,
      collaborationName: 'Renamed',
    });
  });

  it('deleteCollaboration: the collaboration, the lists, its memberships and its tags', async () => {
    const read = `{
      collaborations { nodes { id } }
      memberships(status: ACTIVE) { nodes { id } }
      membership(id: "${IDS.acmeAudienceMembership}") { status collaboration { tags { key } } }
    }`;
    const before = await cached(read);
    expect(before).toMatchObject({
      membership: { status: 'ACTIVE', collaboration: { tags: [{ key: 'project' }] } },
    });
    await mutate(`mutation { deleteCollaboration(id: "${IDS.audienceOverlap}") }`);
    const after = await run<{
      collaborations: { nodes: Array<{ id: string }> };
      memberships: { nodes: Array<{ id: string }> };
    }>(read);
    expect(after.data.collaborations.nodes.map((c) => c.id)).not.toContain(IDS.audienceOverlap);
    expect(after.data.memberships.nodes.map((m) => m.id)).not.toContain(IDS.acmeAudienceMembership);
    // The membership stays, as COLLABORATION_DELETED; the collaboration's tags went with it.
    expect(after.data).toMatchObject({
      membership: { status: 'COLLABORATION_DELETED', collaboration: { tags: null } },
    });
    expect(after.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
