/**
 * Regional state, as in AWS: a resource lives in the region of the SigV4 credential scope that
 * created it. From any other region it does not exist — not listed, not readable, not joinable,
 * its tags out of reach — page tokens do not carry over, and per-account quotas count per region.
 */
import {
  AccessDeniedException,
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  DeleteCollaborationCommand,
  DeleteMembershipCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  ListCollaborationsCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateMembershipCommand,
  ValidationException,
  type CreateCollaborationCommandInput,
} from '@aws-sdk/client-cleanrooms';
import { DEFAULT_ACCOUNT_ID } from '../../../src/emulator/caller';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
import { DEFAULT_QUOTAS } from '../../../src/emulator/service';
import { resetEmulator } from '../../helpers/emulator-admin';
import {
  collaborationArn,
  collaborationInput,
  expectAwsError,
  member,
  membershipArn,
} from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, inProcessClient } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: MEMBER } = ACCOUNTS;
const HOME = 'us-east-2';
const AWAY = 'eu-west-1';

let running: RunningEmulator;
const clients: CleanRoomsClient[] = [];

/** A client of `accountId` signing for `region` (destroyed after the file). */
function client(accountId: string, region: string): CleanRoomsClient {
  const c = httpClient(running.url, accountId, { region });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  running = await startEmulatorServer({
    port: 0,
    emulator: new CleanRoomsEmulator({
      quotas: { ...DEFAULT_QUOTAS, collaborationsPerAccount: 3 },
    }),
  });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
});

beforeEach(() => resetEmulator(running.url));

async function createIn(
  region: string,
  overrides: Partial<CreateCollaborationCommandInput> = {},
  accountId: string = CREATOR,
) {
  const { collaboration } = await client(accountId, region).send(
    new CreateCollaborationCommand(collaborationInput({ members: [member(MEMBER)], ...overrides })),
  );
  return { id: collaboration?.id as string, arn: collaboration?.arn as string };
}

async function listedIds(accountId: string, region: string): Promise<string[]> {
  const { collaborationList } = await client(accountId, region).send(
    new ListCollaborationsCommand({}),
  );
  return (collaborationList ?? []).map((c) => c.id as string);
}

describe('collaborations', () => {
  it('are region specific: each region lists only its own, with its region in the ARN (moto scenario)', async () => {
    // moto's test_collaborations_are_region_specific, with the default account of any
    // non-numeric access key.
    const home = await createIn(HOME, {}, DEFAULT_ACCOUNT_ID);
    const away = await createIn(AWAY, { name: 'eu-collaboration' }, DEFAULT_ACCOUNT_ID);
    expect(away.arn.startsWith(`arn:aws:cleanrooms:${AWAY}:${DEFAULT_ACCOUNT_ID}:`)).toBe(true);
    expect(await listedIds(DEFAULT_ACCOUNT_ID, AWAY)).toEqual([away.id]);
    expect(await listedIds(DEFAULT_ACCOUNT_ID, HOME)).toEqual([home.id]);
  });

  it('created in us-east-2 are listed there only, for the creator and the invitee alike', async () => {
    const { id, arn } = await createIn(HOME);
    expect(arn).toBe(collaborationArn(HOME, CREATOR, id));
    expect(await listedIds(CREATOR, HOME)).toEqual([id]);
    expect(await listedIds(MEMBER, HOME)).toEqual([id]);
    for (const region of ['us-east-1', AWAY]) {
      expect(await listedIds(CREATOR, region)).toEqual([]);
      expect(await listedIds(MEMBER, region)).toEqual([]);
    }
  });

  it('cannot be read, listed for members, deleted or joined from another region', async () => {
    const { id } = await createIn(HOME);
    const byCreator = client(CREATOR, AWAY);
    const byMember = client(MEMBER, AWAY);
    for (const call of [
      byCreator.send(new GetCollaborationCommand({ collaborationIdentifier: id })),
      byMember.send(new GetCollaborationCommand({ collaborationIdentifier: id })),
      byCreator.send(new ListMembersCommand({ collaborationIdentifier: id })),
      byCreator.send(new DeleteCollaborationCommand({ collaborationIdentifier: id })),
      byMember.send(
        new CreateMembershipCommand({ collaborationIdentifier: id, queryLogStatus: 'DISABLED' }),
      ),
    ]) {
      await expectAwsError(call, AccessDeniedException, 403);
    }
    // Nothing happened at home: still there, the invitee still INVITED.
    const { memberSummaries } = await client(CREATOR, HOME).send(
      new ListMembersCommand({ collaborationIdentifier: id }),
    );
    expect(memberSummaries?.map((m) => [m.accountId, m.status])).toEqual([
      [CREATOR, 'INVITED'],
      [MEMBER, 'INVITED'],
    ]);
  });

  it('count toward collaborations-per-account in their own region only', async () => {
    for (let i = 0; i < 3; i++) await createIn('us-east-1');
    const error = await expectAwsError(
      client(CREATOR, 'us-east-1').send(new CreateCollaborationCommand(collaborationInput())),
      ServiceQuotaExceededException,
      402,
    );
    expect(error.quotaValue).toBe(3);
    for (let i = 0; i < 3; i++) await createIn(AWAY);
    expect(await listedIds(CREATOR, AWAY)).toHaveLength(3);
  });
});

describe('memberships', () => {
  async function joinedAtHome() {
    const collaboration = await createIn(HOME, { tags: { env: 'home' } });
    const { membership } = await client(MEMBER, HOME).send(
      new CreateMembershipCommand({
        collaborationIdentifier: collaboration.id,
        queryLogStatus: 'DISABLED',
        tags: { team: 'ads' },
      }),
    );
    return { collaboration, id: membership?.id as string, arn: membership?.arn as string };
  }

  it('carry the region of the request that created them, like their collaboration', async () => {
    const { collaboration, id, arn } = await joinedAtHome();
    expect(arn).toBe(membershipArn(HOME, MEMBER, id));
    const { membership } = await client(MEMBER, HOME).send(
      new GetMembershipCommand({ membershipIdentifier: id }),
    );
    expect(membership?.collaborationArn).toBe(collaborationArn(HOME, CREATOR, collaboration.id));
  });

  it('do not exist from another region: not listed, not readable, not updatable, not deletable', async () => {
    const { id } = await joinedAtHome();
    const away = client(MEMBER, AWAY);
    expect((await away.send(new ListMembershipsCommand({}))).membershipSummaries).toEqual([]);
    for (const call of [
      away.send(new GetMembershipCommand({ membershipIdentifier: id })),
      away.send(new UpdateMembershipCommand({ membershipIdentifier: id, jobLogStatus: 'ENABLED' })),
      away.send(new DeleteMembershipCommand({ membershipIdentifier: id })),
    ]) {
      const error = await expectAwsError(call, ResourceNotFoundException, 404);
      expect(error).toMatchObject({ resourceId: id, resourceType: 'MEMBERSHIP' });
    }
    const { membership } = await client(MEMBER, HOME).send(
      new GetMembershipCommand({ membershipIdentifier: id }),
    );
    expect(membership?.status).toBe('ACTIVE');
    expect(membership?.jobLogStatus).toBeUndefined();
  });

  it('and collaborations keep their tags out of reach of other regions', async () => {
    const { collaboration, arn } = await joinedAtHome();
    const cases: Array<[string, CleanRoomsClient]> = [
      [arn, client(MEMBER, AWAY)],
      [collaboration.arn, client(CREATOR, AWAY)],
    ];
    for (const [resourceArn, away] of cases) {
      for (const call of [
        away.send(new ListTagsForResourceCommand({ resourceArn })),
        away.send(new TagResourceCommand({ resourceArn, tags: { intruder: 'yes' } })),
        away.send(new UntagResourceCommand({ resourceArn, tagKeys: ['team', 'env'] })),
      ]) {
        const error = await expectAwsError(call, ResourceNotFoundException, 404);
        expect(error.resourceId).toBe(resourceArn);
      }
    }
    const home = (accountId: string, resourceArn: string) =>
      client(accountId, HOME).send(new ListTagsForResourceCommand({ resourceArn }));
    expect((await home(MEMBER, arn)).tags).toEqual({ team: 'ads' });
    expect((await home(CREATOR, collaboration.arn)).tags).toEqual({ env: 'home' });
  });
});

describe('page tokens', () => {
  it('issued in one region are refused in another', async () => {
    for (let i = 0; i < 2; i++) {
      await createIn(HOME);
      await createIn(AWAY);
    }
    const first = await client(CREATOR, HOME).send(
      new ListCollaborationsCommand({ maxResults: 1 }),
    );
    expect(first.nextToken).toEqual(expect.any(String));
    const error = await expectAwsError(
      client(CREATOR, AWAY).send(
        new ListCollaborationsCommand({ maxResults: 1, nextToken: first.nextToken }),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList?.[0]?.name).toBe('nextToken');
    // At home the token still works.
    const second = await client(CREATOR, HOME).send(
      new ListCollaborationsCommand({ maxResults: 1, nextToken: first.nextToken }),
    );
    expect(second.collaborationList).toHaveLength(1);
  });
});

describe('reset and the demo seed', () => {
  it('reset clears every region', async () => {
    await createIn(HOME);
    await createIn(AWAY);
    await resetEmulator(running.url);
    expect(await listedIds(CREATOR, HOME)).toEqual([]);
    expect(await listedIds(CREATOR, AWAY)).toEqual([]);
  });

  it('goes into seedRegion, and only there, also after reset(true)', async () => {
    const emulator = new CleanRoomsEmulator({ seed: true, seedRegion: AWAY });
    const inRegion = (region: string) => inProcessClient(emulator, DEMO_ACCOUNTS.acme, { region });
    const check = async () => {
      const { membership } = await inRegion(AWAY).send(
        new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
      );
      expect(membership?.arn).toBe(
        membershipArn(AWAY, DEMO_ACCOUNTS.acme, DEMO_IDS.acmeRetailMembership),
      );
      await expectAwsError(
        inRegion('us-east-1').send(
          new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
        ),
        ResourceNotFoundException,
        404,
      );
      const { membershipSummaries } = await inRegion('us-east-1').send(
        new ListMembershipsCommand({}),
      );
      expect(membershipSummaries).toEqual([]);
    };
    await check();
    emulator.reset(true);
    await check();
  });

  it('goes into us-east-1 by default', async () => {
    const emulator = new CleanRoomsEmulator({ seed: true });
    const { membership } = await inProcessClient(emulator, DEMO_ACCOUNTS.acme).send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
    );
    expect(membership?.arn).toBe(
      membershipArn('us-east-1', DEMO_ACCOUNTS.acme, DEMO_IDS.acmeRetailMembership),
    );
  });
});
