/**
 * updateCollaboration and deleteCollaboration through HTTP against the embedded emulator: one
 * AWS call each, the creator-only rule, PATCH semantics, input refused before any call, and what
 * later reads see — in the next request, and later in the same operation (the caller's
 * memberships name the collaboration and follow its fate). Every test starts from a fresh seed.
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS, fieldPaths, onlyError, runOperation } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.emulator.reset(true));

const run = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  runOperation<T>(gw, query, variables);

const OWN = IDS.audienceOverlap;
const OWN_MEMBERSHIP = IDS.acmeAudienceMembership;

/** Every place the caller reads the collaboration's name or its memberships' state. */
const READ_BACK = `{
  collaboration(id: "${OWN}") { name description }
  collaborations { nodes { id name } }
  memberships { nodes { id collaborationName status } }
  membership(id: "${OWN_MEMBERSHIP}") { collaborationName status }
}`;

describe('updateCollaboration', () => {
  it('renames and re-describes with one call, answering the whole collaboration', async () => {
    const before = await run<{ collaboration: { updateTime: string } }>(
      `{ collaboration(id: "${OWN}") { updateTime } }`,
    );
    const { data, calls, cost } = await run<{
      updateCollaboration: Record<string, unknown> & { updateTime: string };
    }>(`mutation {
      updateCollaboration(input: {
        collaborationIdentifier: "${OWN}", name: "Audience overlap 2027", description: "Second wave"
      }) {
        id name description creatorDisplayName queryLogStatus updateTime
        membership { id collaborationName }
      }
    }`);
    expect(data.updateCollaboration).toEqual({
      id: OWN,
      name: 'Audience overlap 2027',
      description: 'Second wave',
      creatorDisplayName: 'Acme Analytics',
      queryLogStatus: 'DISABLED',
      updateTime: expect.any(String),
      membership: { id: OWN_MEMBERSHIP, collaborationName: 'Audience overlap 2027' },
    });
    expect(Date.parse(data.updateCollaboration.updateTime)).toBeGreaterThan(
      Date.parse(before.data.collaboration.updateTime),
    );
    // The membership's name comes from the collaboration the mutation answered.
    expect(calls).toEqual({ UpdateCollaboration: 1 });
    expect(cost).toMatchObject({ estimatedAwsCalls: 1, awsCalls: 1 });

    const after = await run(READ_BACK);
    expect(after.body.errors).toBeUndefined();
    expect(after.data).toMatchObject({
      collaboration: { name: 'Audience overlap 2027', description: 'Second wave' },
      collaborations: {
        nodes: expect.arrayContaining([{ id: OWN, name: 'Audience overlap 2027' }]),
      },
      memberships: {
        nodes: expect.arrayContaining([
          { id: OWN_MEMBERSHIP, collaborationName: 'Audience overlap 2027', status: 'ACTIVE' },
        ]),
      },
      membership: { collaborationName: 'Audience overlap 2027', status: 'ACTIVE' },
    });
  });

  it('leaves what it is not given unchanged (PATCH)', async () => {
    const { data } = await run(`mutation {
      updateCollaboration(input: { collaborationIdentifier: "${OWN}", description: "" }) {
        name description
      }
    }`);
    expect(data).toEqual({ updateCollaboration: { name: 'Audience overlap', description: '' } });
  });

  it('refuses a collaboration the caller did not create (FORBIDDEN) and changes nothing', async () => {
    const { body, calls } = await run(`mutation {
      updateCollaboration(input: { collaborationIdentifier: "${IDS.retailMeasurement}", name: "Mine" }) { id }
    }`);
    expect(onlyError(body).extensions).toMatchObject({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException' },
    });
    expect(body.data).toBeNull();
    expect(calls).toEqual({ UpdateCollaboration: 1 });
    const { data } = await run(`{ collaboration(id: "${IDS.retailMeasurement}") { name } }`);
    expect(data).toEqual({ collaboration: { name: 'Retail media measurement' } });
  });

  it('shows memberships read earlier in the operation with the new name afterwards', async () => {
    const { body, calls, cost } = await run(`mutation {
      before: tagMembership(id: "${OWN_MEMBERSHIP}", tags: [{ key: "a", value: "1" }]) { collaborationName }
      rename: updateCollaboration(input: { collaborationIdentifier: "${OWN}", name: "Renamed" }) { name }
      after: untagMembership(id: "${OWN_MEMBERSHIP}", tagKeys: ["a"]) { collaborationName }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      before: { collaborationName: 'Audience overlap' },
      rename: { name: 'Renamed' },
      after: { collaborationName: 'Renamed' },
    });
    // The membership is read again after the rename.
    expect(calls).toEqual({
      GetMembership: 2,
      TagResource: 1,
      UpdateCollaboration: 1,
      UntagResource: 1,
    });
    expect(cost).toMatchObject({ estimatedAwsCalls: 5, awsCalls: 5 });
  });

  describe('refused input: BAD_USER_INPUT and no AWS call', () => {
    it.each<[string, Record<string, unknown>, string[], RegExp]>([
      ['neither name nor description', {}, ['name'], /at least one of name, description/],
      ['an empty name', { name: '' }, ['name'], /greater than or equal to 1/],
      ['a blank name', { name: '  \t' }, ['name'], /regular expression pattern/],
      [
        'a name of 101 characters',
        { name: 'n'.repeat(101) },
        ['name'],
        /less than or equal to 100/,
      ],
      [
        'a description of 256 characters',
        { description: 'd'.repeat(256) },
        ['description'],
        /less than or equal to 255/,
      ],
      ['a null name', { name: null }, ['name'], /cannot be cleared/],
      [
        'a null description',
        { description: null, name: 'x' },
        ['description'],
        /cannot be cleared/,
      ],
      [
        'an id that is not a lowercase UUID',
        { collaborationIdentifier: OWN.toUpperCase(), name: 'x' },
        ['collaborationIdentifier'],
        /regular expression pattern/,
      ],
    ])('%s', async (_, change, paths, message) => {
      const { body, calls } = await run(
        `mutation ($input: UpdateCollaborationInput!) { updateCollaboration(input: $input) { id } }`,
        { input: { collaborationIdentifier: OWN, ...change } },
      );
      const error = onlyError(body);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldPaths(error)).toEqual(paths);
      for (const field of error.extensions?.fields as Array<{ message: string }>) {
        expect(field.message).toMatch(message);
      }
      expect(calls).toEqual({});
    });
  });
});

describe('deleteCollaboration', () => {
  it('returns the id with one call; the collaboration is gone and its memberships COLLABORATION_DELETED', async () => {
    const { data, calls, cost } = await run(`mutation { deleteCollaboration(id: "${OWN}") }`);
    expect(data).toEqual({ deleteCollaboration: OWN });
    expect(calls).toEqual({ DeleteCollaboration: 1 });
    expect(cost).toMatchObject({ estimatedAwsCalls: 1, awsCalls: 1 });

    const after = await run<{
      collaboration: unknown;
      collaborations: { nodes: Array<{ id: string }> };
      memberships: { nodes: Array<{ id: string; status: string }> };
    }>(READ_BACK);
    expect(after.data.collaboration).toBeNull();
    expect(after.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['collaboration'], 'FORBIDDEN'],
    ]);
    expect(after.data.collaborations.nodes.map((c) => c.id)).not.toContain(OWN);
    expect(after.data.memberships.nodes).toContainEqual(
      expect.objectContaining({ id: OWN_MEMBERSHIP, status: 'COLLABORATION_DELETED' }),
    );
    expect(after.data).toMatchObject({
      membership: { collaborationName: 'Audience overlap', status: 'COLLABORATION_DELETED' },
    });
  });

  it('refuses a collaboration the caller did not create (FORBIDDEN) and deletes nothing', async () => {
    const { body, calls } = await run(
      `mutation { deleteCollaboration(id: "${IDS.retailMeasurement}") }`,
    );
    expect(onlyError(body).extensions).toMatchObject({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException' },
    });
    expect(calls).toEqual({ DeleteCollaboration: 1 });
    const { data } = await run(`{ membership(id: "${IDS.acmeRetailMembership}") { status } }`);
    expect(data).toEqual({ membership: { status: 'ACTIVE' } });
  });

  it('shows a membership read earlier in the operation as COLLABORATION_DELETED afterwards', async () => {
    const { body, calls } = await run(`mutation {
      before: tagMembership(id: "${OWN_MEMBERSHIP}", tags: [{ key: "a", value: "1" }]) {
        status collaboration { name }
      }
      gone: deleteCollaboration(id: "${OWN}")
      after: untagMembership(id: "${OWN_MEMBERSHIP}", tagKeys: ["a"]) { status }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      before: { status: 'ACTIVE', collaboration: { name: 'Audience overlap' } },
      gone: OWN,
      after: { status: 'COLLABORATION_DELETED' },
    });
    expect(calls).toEqual({
      GetMembership: 2,
      TagResource: 1,
      DeleteCollaboration: 1,
      UntagResource: 1,
    });
  });

  it('refuses an id that is not a lowercase UUID with no AWS call', async () => {
    const { body, calls } = await run(`mutation { deleteCollaboration(id: "not-an-id") }`);
    const error = onlyError(body);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldPaths(error)).toEqual(['id']);
    expect(calls).toEqual({});
  });
});
