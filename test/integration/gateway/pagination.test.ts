/**
 * Connections: `first`/`after` page through every list without duplicates or gaps, one list
 * call per page; `pageInfo.endCursor` is the AWS nextToken and is null on the last page.
 * Read-only over the demo seed.
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { ACME, IDS, expectSafeErrors, onlyError } from '../../helpers/gateway-expect';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await gw.gql<T>(query, variables);
  expectSafeErrors(body);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

/** Follows `endCursor` until the last page; returns the pages in order. */
async function allPages<T>(
  query: string,
  pick: (data: Record<string, unknown>) => Page<T>,
  variables: Record<string, unknown> = {},
): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = [];
  let after: string | null = null;
  do {
    const page: Page<T> = pick(await data(query, { ...variables, after }));
    pages.push(page);
    after = page.pageInfo.endCursor;
    if (pages.length > 10) throw new Error('pagination does not end');
  } while (after !== null);
  return pages;
}

const ALL_MEMBERSHIPS = [
  IDS.acmeRetailMembership,
  IDS.acmeAudienceMembership,
  IDS.acmeLoyaltyMembership,
  IDS.acmeBrandLiftMembership,
];

describe('memberships', () => {
  const QUERY = `query ($first: Int, $after: String, $status: MembershipStatus) {
    memberships(first: $first, after: $after, status: $status) {
      nodes { id status }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const pick = (d: Record<string, unknown>) =>
    d.memberships as Page<{ id: string; status: string }>;

  it('pages through all four memberships one at a time, one ListMemberships per page', async () => {
    const pages = await allPages(QUERY, pick, { first: 1 });
    expect(gw.calls()).toEqual({ ListMemberships: 4 });
    expect(pages.map((p) => p.nodes.map((m) => m.id))).toEqual(ALL_MEMBERSHIPS.map((id) => [id]));
    for (const page of pages.slice(0, -1)) {
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.pageInfo.endCursor).toEqual(expect.any(String));
      expect(page.pageInfo.endCursor).not.toBe('');
    }
    expect(pages[pages.length - 1]?.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('pages by three: a full page then the remainder', async () => {
    const pages = await allPages(QUERY, pick, { first: 3 });
    expect(pages.map((p) => p.nodes.length)).toEqual([3, 1]);
    expect(pages.flatMap((p) => p.nodes.map((m) => m.id))).toEqual(ALL_MEMBERSHIPS);
  });

  it('answers one page with no cursor when everything fits', async () => {
    const { memberships } = await data<{ memberships: Page<{ id: string }> }>(QUERY, { first: 4 });
    expect(memberships.nodes.map((m) => m.id)).toEqual(ALL_MEMBERSHIPS);
    expect(memberships.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('pages within a status filter', async () => {
    const pages = await allPages(QUERY, pick, { first: 1, status: 'ACTIVE' });
    expect(pages.flatMap((p) => p.nodes)).toEqual([
      { id: IDS.acmeRetailMembership, status: 'ACTIVE' },
      { id: IDS.acmeAudienceMembership, status: 'ACTIVE' },
    ]);
    const { memberships } = await data<{ memberships: Page<{ id: string; status: string }> }>(
      QUERY,
      { status: 'COLLABORATION_DELETED' },
    );
    expect(memberships.nodes).toEqual([
      { id: IDS.acmeLoyaltyMembership, status: 'COLLABORATION_DELETED' },
    ]);
  });

  it('refuses a cursor issued for another list (AWS ValidationException)', async () => {
    const first = await data<{ memberships: Page<unknown> }>(QUERY, { first: 1 });
    const cursor = first.memberships.pageInfo.endCursor;
    gw.resetCalls();
    const { body } = await gw.gql(QUERY, { first: 1, after: cursor, status: 'ACTIVE' });
    expect(body.data).toBeNull();
    expect(onlyError(body).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException' },
      // AWS names its `nextToken` member; the client sent the `after` argument.
      fields: [{ path: 'after', message: expect.any(String) }],
    });
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it('serves two pages of the same list in one request with one call each', async () => {
    const first = await data<{ memberships: Page<{ id: string }> }>(QUERY, { first: 2 });
    gw.resetCalls();
    const both = await data<{ a: Page<{ id: string }>; b: Page<{ id: string }> }>(
      `query ($cursor: String) {
        a: memberships(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } }
        b: memberships(first: 2, after: $cursor) { nodes { id } pageInfo { hasNextPage endCursor } }
      }`,
      { cursor: first.memberships.pageInfo.endCursor },
    );
    expect([...both.a.nodes, ...both.b.nodes].map((m) => m.id)).toEqual(ALL_MEMBERSHIPS);
    expect(both.b.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(gw.calls()).toEqual({ ListMemberships: 2 });
  });
});

describe('collaborations', () => {
  const QUERY = `query ($first: Int, $after: String, $memberStatus: FilterableMemberStatus) {
    collaborations(first: $first, after: $after, memberStatus: $memberStatus) {
      nodes { id memberStatus membershipId }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const pick = (d: Record<string, unknown>) =>
    d.collaborations as Page<{ id: string; memberStatus: string }>;

  it('lists only the collaborations where the caller is INVITED', async () => {
    const { collaborations } = await data<{ collaborations: Page<unknown> }>(QUERY, {
      memberStatus: 'INVITED',
    });
    expect(collaborations).toEqual({
      nodes: [{ id: IDS.mlPilot, memberStatus: 'INVITED', membershipId: null }],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(gw.calls()).toEqual({ ListCollaborations: 1 });
  });

  it('lists only the collaborations where the caller is ACTIVE', async () => {
    const { collaborations } = await data<{ collaborations: Page<{ id: string }> }>(QUERY, {
      memberStatus: 'ACTIVE',
    });
    expect(collaborations.nodes.map((c) => c.id)).toEqual([
      IDS.retailMeasurement,
      IDS.audienceOverlap,
    ]);
  });

  it('pages through all visible collaborations two at a time', async () => {
    const pages = await allPages(QUERY, pick, { first: 2 });
    expect(pages.map((p) => p.nodes.map((c) => c.id))).toEqual([
      [IDS.retailMeasurement, IDS.audienceOverlap],
      [IDS.mlPilot],
    ]);
    expect(pages[0]?.pageInfo.hasNextPage).toBe(true);
    expect(pages[1]?.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(gw.calls()).toEqual({ ListCollaborations: 2 });
  });
});

describe('members of a collaboration', () => {
  const QUERY = `query ($id: ID!, $first: Int, $after: String) {
    collaboration(id: $id) {
      members(first: $first, after: $after) {
        nodes { accountId status }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

  it('pages through the members two at a time, creator first', async () => {
    type Result = { collaboration: { members: Page<{ accountId: string; status: string }> } };
    const first = await data<Result>(QUERY, { id: IDS.retailMeasurement, first: 2 });
    expect(first.collaboration.members.nodes).toEqual([
      { accountId: '111111111111', status: 'ACTIVE' },
      { accountId: ACME, status: 'ACTIVE' },
    ]);
    expect(first.collaboration.members.pageInfo.hasNextPage).toBe(true);
    expect(gw.calls()).toEqual({ GetCollaboration: 1, ListMembers: 1 });

    gw.resetCalls();
    const second = await data<Result>(QUERY, {
      id: IDS.retailMeasurement,
      first: 2,
      after: first.collaboration.members.pageInfo.endCursor,
    });
    expect(second.collaboration.members).toEqual({
      nodes: [{ accountId: '222222222222', status: 'INVITED' }],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(gw.calls()).toEqual({ GetCollaboration: 1, ListMembers: 1 });
  });

  it('keeps the pages of different collaborations apart under aliases', async () => {
    const result = await data<
      Record<string, { members: Page<{ accountId: string; status: string }> }>
    >(`{
      overlap: collaboration(id: "${IDS.audienceOverlap}") { members(first: 2) { nodes { accountId status } pageInfo { hasNextPage } } }
      pilot: collaboration(id: "${IDS.mlPilot}") { members(first: 2) { nodes { accountId status } pageInfo { hasNextPage } } }
    }`);
    expect(result.overlap?.members).toEqual({
      nodes: [
        { accountId: ACME, status: 'ACTIVE' },
        { accountId: '111111111111', status: 'ACTIVE' },
      ],
      pageInfo: { hasNextPage: true },
    });
    expect(result.pilot?.members.nodes.map((m) => m.accountId)).toEqual(['333333333333', ACME]);
    expect(gw.calls()).toEqual({ GetCollaboration: 2, ListMembers: 2 });
  });
});
