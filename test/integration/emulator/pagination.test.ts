/**
 * Pagination of ListMemberships, ListCollaborations and ListMembers through the real SDK and its
 * paginators, over more than 100 items. Quotas bind (10 collaborations per creator, 100 ACTIVE
 * memberships per account), so the data set is built from 11 creator accounts:
 *
 *   110 collaborations (11 creators × 10), each inviting TARGET;
 *   TARGET joins the first 100, their creators delete the first 5, TARGET joins 5 more.
 *
 * TARGET then holds 105 memberships (100 ACTIVE, 5 COLLABORATION_DELETED) and sees 105
 * collaborations (100 ACTIVE, 5 INVITED). Tests other than the last only read this data set.
 */
import {
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  DeleteCollaborationCommand,
  ListCollaborationsCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  paginateListCollaborations,
  paginateListMembers,
  paginateListMemberships,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { collaborationInput, expectAwsError, member } from '../../helpers/emulator-fixtures';
import { httpClient, startEmulator } from '../../helpers/sdk';

const TARGET = '555555555555';
const CREATORS = Array.from({ length: 11 }, (_, i) => `7000000000${String(i).padStart(2, '0')}`);

let running: RunningEmulator;
let target: CleanRoomsClient;
const clients = new Map<string, CleanRoomsClient>();
/** Collaboration ids in creation order, with their creator. */
const collaborations: Array<{ id: string; creator: string }> = [];
/** TARGET's membership in each collaboration it joined. */
const membershipOf = new Map<string, string>();
const membershipIds: string[] = [];
const membershipsOf = (from: number, to: number) =>
  collaborations.slice(from, to).map((c) => membershipOf.get(c.id) as string);
/** A collaboration of the first creator with 5 invited members (6 in ListMembers). */
let bigCollaborationId: string;

function client(accountId: string): CleanRoomsClient {
  let c = clients.get(accountId);
  if (!c) {
    c = httpClient(running.url, accountId);
    clients.set(accountId, c);
  }
  return c;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function join(collaborationIdentifier: string, accountId = TARGET) {
  const { membership } = await client(accountId).send(
    new CreateMembershipCommand({ collaborationIdentifier, queryLogStatus: 'DISABLED' }),
  );
  return membership?.id as string;
}

beforeAll(async () => {
  running = await startEmulator();
  target = client(TARGET);
  // Creators work in parallel, each creating its 10 collaborations in order.
  const perCreator = await Promise.all(
    CREATORS.map(async (creator) => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { collaboration } = await client(creator).send(
          new CreateCollaborationCommand(
            collaborationInput({ name: `${creator}-${i}`, members: [member(TARGET)] }),
          ),
        );
        ids.push(collaboration?.id as string);
      }
      return ids.map((id) => ({ id, creator }));
    }),
  );
  collaborations.push(...perCreator.flat());
  await inBatches(collaborations.slice(0, 100), 20, async ({ id }) => {
    membershipOf.set(id, await join(id));
  });
  for (const { id, creator } of collaborations.slice(0, 5)) {
    await client(creator).send(new DeleteCollaborationCommand({ collaborationIdentifier: id }));
  }
  for (const { id } of collaborations.slice(100, 105)) membershipOf.set(id, await join(id));
  membershipIds.push(...membershipsOf(0, 105));

  // ListMembers data: a fresh creator (quota) with 5 invited members.
  const { collaboration } = await client('700000000099').send(
    new CreateCollaborationCommand(
      collaborationInput({
        members: ['1', '2', '3', '4', '5'].map((n) => member(`71000000000${n}`)),
      }),
    ),
  );
  bigCollaborationId = collaboration?.id as string;
}, 30_000);

afterAll(async () => {
  for (const c of clients.values()) c.destroy();
  await running.close();
});

type Page = { items: string[]; nextToken?: string };

/** Follows nextToken by hand; checks every page is non-empty and within maxResults. */
async function pageThrough(fetchPage: (nextToken?: string) => Promise<Page>, maxResults?: number) {
  const ids: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(nextToken);
    pages++;
    expect(page.items.length).toBeGreaterThan(0);
    if (maxResults !== undefined) expect(page.items.length).toBeLessThanOrEqual(maxResults);
    ids.push(...page.items);
    nextToken = page.nextToken;
    if (pages > 1000) throw new Error('pagination does not terminate');
  } while (nextToken !== undefined);
  return { ids, pages };
}

const listMemberships =
  (maxResults?: number, status?: 'ACTIVE' | 'COLLABORATION_DELETED', c = target) =>
  async (nextToken?: string): Promise<Page> => {
    const out = await c.send(new ListMembershipsCommand({ maxResults, nextToken, status }));
    return {
      items: (out.membershipSummaries ?? []).map((m) => m.id as string),
      nextToken: out.nextToken,
    };
  };

const listCollaborations =
  (maxResults?: number, memberStatus?: 'INVITED' | 'ACTIVE', c = target) =>
  async (nextToken?: string): Promise<Page> => {
    const out = await c.send(
      new ListCollaborationsCommand({ maxResults, nextToken, memberStatus }),
    );
    return {
      items: (out.collaborationList ?? []).map((m) => m.id as string),
      nextToken: out.nextToken,
    };
  };

function expectSameSet(actual: string[], expected: string[]) {
  expect(new Set(actual).size).toBe(actual.length); // no duplicates
  expect([...actual].sort()).toEqual([...expected].sort()); // complete coverage
}

const visibleCollaborations = () => collaborations.slice(5).map((c) => c.id);

describe('ListMemberships', () => {
  it('covers all 105 memberships exactly once for every maxResults from 1 to 100', async () => {
    expect(membershipIds).toHaveLength(105);
    for (let size = 1; size <= 100; size++) {
      const { ids, pages } = await pageThrough(listMemberships(size), size);
      expectSameSet(ids, membershipIds);
      // Full pages until the last: no trailing empty page even when 105 divides evenly.
      expect(pages).toBe(Math.ceil(105 / size));
    }
  });

  it('returns the same order on every pass', async () => {
    const once = (await pageThrough(listMemberships(100))).ids;
    const again = (await pageThrough(listMemberships(7))).ids;
    expect(again).toEqual(once);
  });

  it('pages through with paginateListMemberships, with and without a status filter', async () => {
    const collect = async (pageSize: number, status?: 'ACTIVE' | 'COLLABORATION_DELETED') => {
      const ids: string[] = [];
      const sizes: number[] = [];
      const tokens: Array<string | undefined> = [];
      for await (const page of paginateListMemberships({ client: target, pageSize }, { status })) {
        sizes.push(page.membershipSummaries?.length ?? 0);
        tokens.push(page.nextToken);
        ids.push(...(page.membershipSummaries ?? []).map((m) => m.id as string));
      }
      expect(tokens[tokens.length - 1]).toBeUndefined();
      return { ids, sizes };
    };
    const all = await collect(7);
    expectSameSet(all.ids, membershipIds);
    expect(all.sizes).toEqual(Array(15).fill(7));

    const active = await collect(50, 'ACTIVE');
    expect(active.sizes).toEqual([50, 50]);
    expectSameSet(active.ids, membershipsOf(5, 105));
    const deleted = await collect(2, 'COLLABORATION_DELETED');
    expect(deleted.sizes).toEqual([2, 2, 1]);
    expectSameSet(deleted.ids, membershipsOf(0, 5));
  });

  it('uses a default page size of 50 when maxResults is absent', async () => {
    const first = await target.send(new ListMembershipsCommand({}));
    expect(first.membershipSummaries).toHaveLength(50);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await target.send(new ListMembershipsCommand({ nextToken: first.nextToken }));
    expect(second.membershipSummaries).toHaveLength(50);
    const collaborationsPage = await target.send(new ListCollaborationsCommand({}));
    expect(collaborationsPage.collaborationList).toHaveLength(50);
    const { ids } = await pageThrough(listMemberships());
    expectSameSet(ids, membershipIds);
  });
});

describe('ListCollaborations', () => {
  // The same paginate() as ListMemberships (swept 1..100 above): edges and divisors of 105 here.
  it('covers all 105 visible collaborations exactly once for maxResults 1, 2, 3, 5, 7 … 100', async () => {
    for (const size of [1, 2, 3, 5, 7, 15, 21, 35, 50, 52, 53, 99, 100]) {
      const { ids, pages } = await pageThrough(listCollaborations(size), size);
      expectSameSet(ids, visibleCollaborations());
      expect(pages).toBe(Math.ceil(105 / size));
    }
  });

  it('pages through with paginateListCollaborations and the memberStatus filter', async () => {
    const collect = async (pageSize: number, memberStatus?: 'INVITED' | 'ACTIVE') => {
      const pages = [];
      for await (const page of paginateListCollaborations(
        { client: target, pageSize },
        { memberStatus },
      )) {
        pages.push(page);
      }
      expect(pages[pages.length - 1]?.nextToken).toBeUndefined();
      return pages.flatMap((p) => (p.collaborationList ?? []).map((c) => c.id as string));
    };
    expectSameSet(await collect(10), visibleCollaborations());
    expectSameSet(
      await collect(3, 'INVITED'),
      collaborations.slice(105).map((c) => c.id),
    );
    // Exactly 100 ACTIVE with pageSize 100: one page, and no token pointing at an empty one.
    const active = await target.send(
      new ListCollaborationsCommand({ memberStatus: 'ACTIVE', maxResults: 100 }),
    );
    expect(active.collaborationList).toHaveLength(100);
    expect(active.nextToken).toBeUndefined();
    expectSameSet(
      (active.collaborationList ?? []).map((c) => c.id as string),
      collaborations.slice(5, 105).map((c) => c.id),
    );
  });
});

describe('ListMembers', () => {
  it('pages through the 6 members with every page size, creator first', async () => {
    const creatorClient = client('700000000099');
    const expected = ['700000000099', ...['1', '2', '3', '4', '5'].map((n) => `71000000000${n}`)];
    for (let pageSize = 1; pageSize <= 7; pageSize++) {
      const accounts: string[] = [];
      let pages = 0;
      for await (const page of paginateListMembers(
        { client: creatorClient, pageSize },
        { collaborationIdentifier: bigCollaborationId },
      )) {
        pages++;
        accounts.push(...(page.memberSummaries ?? []).map((m) => m.accountId as string));
      }
      expect(accounts).toEqual(expected);
      expect(pages).toBe(Math.ceil(6 / pageSize));
    }
  });
});

describe('invalid paging input', () => {
  const collaborationId = () => collaborations[50]?.id as string;

  it.each([0, 101, -1])('refuses maxResults %d on every list operation', async (maxResults) => {
    const message =
      maxResults > 100
        ? 'Member must have value less than or equal to 100'
        : 'Member must have value greater than or equal to 1';
    for (const call of [
      target.send(new ListMembershipsCommand({ maxResults })),
      target.send(new ListCollaborationsCommand({ maxResults })),
      target.send(
        new ListMembersCommand({ collaborationIdentifier: collaborationId(), maxResults }),
      ),
    ]) {
      const error = await expectAwsError(call, ValidationException, 400);
      expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
      expect(error.fieldList).toEqual([{ name: 'maxResults', message }]);
    }
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['empty signature', 'eyJzY29wZSI6IngiLCJhZnRlciI6MX0.'],
    ['forged payload', 'eyJzY29wZSI6IngiLCJhZnRlciI6MX0.AAAAAAAAAAAAAAAAAAAAAA'],
    ['too many parts', 'a.b.c'],
  ])('refuses a %s nextToken', async (_kind, nextToken) => {
    const error = await expectAwsError(
      target.send(new ListMembershipsCommand({ nextToken })),
      ValidationException,
      400,
    );
    expect(error.fieldList?.[0]?.name).toBe('nextToken');
  });

  it('refuses a ListMembers token on another collaboration of the same caller', async () => {
    const [first, second] = [collaborations[50]?.id, collaborations[51]?.id];
    const page = await target.send(
      new ListMembersCommand({ collaborationIdentifier: first, maxResults: 1 }),
    );
    expect(page.nextToken).toEqual(expect.any(String));
    const error = await expectAwsError(
      target.send(
        new ListMembersCommand({
          collaborationIdentifier: second,
          maxResults: 1,
          nextToken: page.nextToken,
        }),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList).toEqual([{ name: 'nextToken', message: expect.any(String) }]);
    const rest = await target.send(
      new ListMembersCommand({ collaborationIdentifier: first, nextToken: page.nextToken }),
    );
    expect(rest.memberSummaries?.map((m) => m.accountId)).toEqual([TARGET]);
  });

  it('refuses a token whose payload was tampered with', async () => {
    const { nextToken } = await target.send(new ListMembershipsCommand({ maxResults: 10 }));
    const [data, signature] = (nextToken as string).split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as {
      after: unknown;
    };
    const forged = Buffer.from(JSON.stringify({ ...payload, after: [0, ''] })).toString(
      'base64url',
    );
    await expectAwsError(
      target.send(new ListMembershipsCommand({ nextToken: `${forged}.${signature}` })),
      ValidationException,
      400,
    );
    await expectAwsError(
      target.send(new ListMembershipsCommand({ nextToken: (nextToken as string).slice(0, -1) })),
      ValidationException,
      400,
    );
  });

  it('refuses a token issued for another filter, account, operation or collaboration', async () => {
    const filtered = await target.send(
      new ListMembershipsCommand({ status: 'ACTIVE', maxResults: 5 }),
    );
    const unfiltered = await target.send(new ListMembershipsCommand({ maxResults: 5 }));
    const collaborationsToken = (
      await target.send(new ListCollaborationsCommand({ maxResults: 5 }))
    ).nextToken;
    const membersToken = (
      await client('700000000099').send(
        new ListMembersCommand({ collaborationIdentifier: bigCollaborationId, maxResults: 2 }),
      )
    ).nextToken;
    expect([filtered.nextToken, unfiltered.nextToken, collaborationsToken, membersToken]).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);

    const refused = [
      // status=ACTIVE token without the filter, and the other way round
      target.send(new ListMembershipsCommand({ nextToken: filtered.nextToken })),
      target.send(
        new ListMembershipsCommand({
          status: 'COLLABORATION_DELETED',
          nextToken: unfiltered.nextToken,
        }),
      ),
      // another account
      client(CREATORS[0] as string).send(
        new ListMembershipsCommand({ nextToken: unfiltered.nextToken }),
      ),
      // another operation
      target.send(new ListMembershipsCommand({ nextToken: collaborationsToken })),
      target.send(new ListCollaborationsCommand({ nextToken: unfiltered.nextToken })),
      target.send(
        new ListCollaborationsCommand({ memberStatus: 'INVITED', nextToken: collaborationsToken }),
      ),
      // ListMembers of another collaboration
      target.send(
        new ListMembersCommand({
          collaborationIdentifier: collaborationId(),
          nextToken: membersToken,
        }),
      ),
    ];
    for (const call of refused) {
      const error = await expectAwsError(call, ValidationException, 400);
      expect(error.fieldList?.[0]?.name).toBe('nextToken');
    }
    // The same token still works where it was issued.
    const next = await target.send(
      new ListMembershipsCommand({
        status: 'ACTIVE',
        maxResults: 5,
        nextToken: filtered.nextToken,
      }),
    );
    expect(next.membershipSummaries).toHaveLength(5);
  });
});

describe('changes between pages', () => {
  const VIEWER = '666666666666';
  const creatorOf = (n: number) => `80000000000${n}`;

  it('neither duplicates nor skips items when collaborations are created, joined or deleted mid-way', async () => {
    const viewer = client(VIEWER);
    const created: Array<{ id: string; creator: string }> = [];
    const invite = async (n: number) => {
      const { collaboration } = await client(creatorOf(n)).send(
        new CreateCollaborationCommand(collaborationInput({ members: [member(VIEWER)] })),
      );
      created.push({ id: collaboration?.id as string, creator: creatorOf(n) });
      return collaboration?.id as string;
    };
    for (let n = 0; n < 6; n++) await invite(n);

    const seen: string[] = [];
    const first = await listCollaborations(2, undefined, viewer)();
    seen.push(...first.items);
    // Mid-way: 3 new collaborations, the viewer joins an unseen one, and the last served one
    // (the token's position) is deleted.
    for (let n = 6; n < 9; n++) await invite(n);
    const joinedMidway = created.find((c) => !first.items.includes(c.id));
    await join(joinedMidway?.id as string, VIEWER);
    const lastServed = created.find((c) => c.id === first.items[1]);
    await client(lastServed?.creator as string).send(
      new DeleteCollaborationCommand({ collaborationIdentifier: lastServed?.id }),
    );
    let nextToken = first.nextToken;
    while (nextToken) {
      const page = await listCollaborations(2, undefined, viewer)(nextToken);
      seen.push(...page.items);
      nextToken = page.nextToken;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const survivors = created.map((c) => c.id).filter((id) => id !== lastServed?.id);
    expect(seen).toEqual(expect.arrayContaining(survivors));
    expect(seen).toHaveLength(survivors.length + 1); // + the deleted one, served before deletion

    // Memberships created between pages of ListMemberships.
    const joinable = created.filter((c) => c !== lastServed && c !== joinedMidway);
    const memberships = [await join(joinable[0]?.id as string, VIEWER)];
    memberships.push(await join(joinable[1]?.id as string, VIEWER));
    const listed: string[] = [];
    const page1 = await listMemberships(1, undefined, viewer)();
    listed.push(...page1.items);
    memberships.push(await join(joinable[2]?.id as string, VIEWER));
    memberships.push(await join(joinable[3]?.id as string, VIEWER));
    let token = page1.nextToken;
    while (token) {
      const page = await listMemberships(1, undefined, viewer)(token);
      listed.push(...page.items);
      token = page.nextToken;
    }
    expect(new Set(listed).size).toBe(listed.length);
    const all = (await pageThrough(listMemberships(100, undefined, viewer))).ids;
    expect(all).toHaveLength(5);
    expect([...listed].sort()).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining(memberships));
  });
});

describe('memberships per account quota', () => {
  it('refuses a 101st ACTIVE membership with ServiceQuotaExceededException (402)', async () => {
    const error = await expectAwsError(
      target.send(
        new CreateMembershipCommand({
          collaborationIdentifier: collaborations[105]?.id,
          queryLogStatus: 'DISABLED',
        }),
      ),
      ServiceQuotaExceededException,
      402,
    );
    expect(error.quotaName).toBe('Maximum number of memberships per account');
    expect(error.quotaValue).toBe(100);
    // COLLABORATION_DELETED memberships do not count: 105 exist, 100 of them ACTIVE.
    const { ids } = await pageThrough(listMemberships(100));
    expect(ids).toHaveLength(105);
  });
});
