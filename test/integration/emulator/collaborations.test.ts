/**
 * Collaborations through the real SDK against a standalone emulator: CreateCollaboration,
 * GetCollaboration, ListCollaborations, DeleteCollaboration and ListMembers, with the creation
 * rules, visibility rules and quotas of collaborations.
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
  ServiceQuotaExceededException,
  ValidationException,
  type AutoApprovedChangeType,
  type CreateCollaborationCommandInput,
  type MemberAbility,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { authorizationFor, rawRequest, resetEmulator } from '../../helpers/emulator-admin';
import {
  collaborationArn,
  collaborationInput,
  expectAwsError,
  expectDate,
  member,
  membershipArn,
  UUID,
} from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, startEmulator } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: INVITEE, fabrikam: THIRD, outsider: OUTSIDER } = ACCOUNTS;

let running: RunningEmulator;
let creator: CleanRoomsClient;
let invitee: CleanRoomsClient;
let third: CleanRoomsClient;
let outsider: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator();
  creator = httpClient(running.url, CREATOR);
  invitee = httpClient(running.url, INVITEE);
  third = httpClient(running.url, THIRD);
  outsider = httpClient(running.url, OUTSIDER);
});

afterAll(async () => {
  for (const client of [creator, invitee, third, outsider]) client.destroy();
  await running.close();
});

beforeEach(() => resetEmulator(running.url));

async function create(input: Partial<CreateCollaborationCommandInput> = {}, client = creator) {
  const { collaboration } = await client.send(
    new CreateCollaborationCommand(collaborationInput(input)),
  );
  if (!collaboration?.id) throw new Error('CreateCollaboration returned no collaboration');
  return collaboration as typeof collaboration & { id: string; arn: string };
}

async function listMembers(collaborationIdentifier: string, client = creator) {
  const out = await client.send(new ListMembersCommand({ collaborationIdentifier }));
  return out.memberSummaries ?? [];
}

async function collaborationIds(client: CleanRoomsClient, memberStatus?: 'INVITED' | 'ACTIVE') {
  const out = await client.send(new ListCollaborationsCommand({ memberStatus }));
  return (out.collaborationList ?? []).map((c) => c.id);
}

describe('CreateCollaboration', () => {
  it('returns every field it was given, an ARN in the creator account and the client region, and Date timestamps', async () => {
    const eu = httpClient(running.url, CREATOR, { region: 'eu-west-1' });
    const before = Date.now();
    const out = await eu.send(
      new CreateCollaborationCommand({
        name: 'Retail measurement',
        description: 'Measures campaigns',
        creatorDisplayName: 'Northwind',
        creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
        creatorMLMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_INFERENCE_OUTPUT'] },
        creatorPaymentConfiguration: { queryCompute: { isResponsible: false } },
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'DISABLED',
        analyticsEngine: 'SPARK',
        isMetricsEnabled: true,
        dataEncryptionMetadata: {
          allowCleartext: true,
          allowDuplicates: false,
          allowJoinsOnColumnsWithDifferentNames: false,
          preserveNulls: true,
        },
        autoApprovedChangeRequestTypes: ['ADD_MEMBER'],
        allowedResultRegions: ['us-east-1', 'eu-west-1'],
        members: [member(INVITEE, { memberAbilities: ['CAN_QUERY'] })],
        tags: { env: 'test' },
      }),
    );
    const after = Date.now();
    eu.destroy();

    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(UUID);
    const c = out.collaboration;
    expect(c?.id).toMatch(UUID);
    const id = c?.id as string;
    expect(c).toEqual({
      id,
      arn: collaborationArn('eu-west-1', CREATOR, id),
      name: 'Retail measurement',
      description: 'Measures campaigns',
      creatorAccountId: CREATOR,
      creatorDisplayName: 'Northwind',
      createTime: expect.any(Date),
      updateTime: expect.any(Date),
      memberStatus: 'INVITED',
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'DISABLED',
      analyticsEngine: 'SPARK',
      isMetricsEnabled: true,
      dataEncryptionMetadata: {
        allowCleartext: true,
        allowDuplicates: false,
        allowJoinsOnColumnsWithDifferentNames: false,
        preserveNulls: true,
      },
      autoApprovedChangeTypes: ['ADD_MEMBER'],
      allowedResultRegions: ['us-east-1', 'eu-west-1'],
    });
    const createTime = expectDate(c?.createTime).getTime();
    // The SDK rounds epoch seconds to milliseconds: allow 1 ms either side.
    expect(createTime).toBeGreaterThanOrEqual(before - 1);
    expect(createTime).toBeLessThanOrEqual(after + 1);
    expect(expectDate(c?.updateTime).getTime()).toBe(createTime);
  });

  it('gives every collaboration a distinct lowercase UUID', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await create({ name: `c${i}` })).id);
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('accepts a creator-only collaboration with empty ability lists', async () => {
    const c = await create({ members: [], creatorMemberAbilities: [] });
    const members = await listMembers(c.id);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ accountId: CREATOR, abilities: [], status: 'INVITED' });
  });

  it('refuses the creator listed among the members', async () => {
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(collaborationInput({ members: [member(CREATOR)] })),
      ),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([{ name: 'members', message: expect.any(String) }]);
    expect(await collaborationIds(creator)).toEqual([]);
  });

  it('refuses the same account listed twice', async () => {
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(
          collaborationInput({ members: [member(INVITEE), member(INVITEE, { displayName: 'x' })] }),
        ),
      ),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList?.[0]?.name).toBe('members');
    expect(await collaborationIds(creator)).toEqual([]);
  });

  it('allows only one member with CAN_QUERY', async () => {
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(
          collaborationInput({
            creatorMemberAbilities: ['CAN_QUERY'],
            members: [member(INVITEE, { memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'] })],
          }),
        ),
      ),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('INVALID_CONFIGURATION');
    expect(error.message).toMatch(/CAN_QUERY/);
    expect(await collaborationIds(creator)).toEqual([]);
  });

  it('refuses a querier that declines query payment when nobody else pays', async () => {
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(
          collaborationInput({
            creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
            members: [
              member(INVITEE, {
                memberAbilities: ['CAN_QUERY'],
                paymentConfiguration: { queryCompute: { isResponsible: false } },
              }),
            ],
          }),
        ),
      ),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('INVALID_CONFIGURATION');
    expect(await collaborationIds(creator)).toEqual([]);
  });

  it('lets the querier decline payment when another member pays', async () => {
    const c = await create({
      creatorMemberAbilities: ['CAN_QUERY'],
      creatorPaymentConfiguration: { queryCompute: { isResponsible: false } },
      members: [
        member(INVITEE, { paymentConfiguration: { queryCompute: { isResponsible: true } } }),
      ],
    });
    const members = await listMembers(c.id);
    expect(members.map((m) => [m.accountId, m.paymentConfiguration])).toEqual([
      [CREATOR, { queryCompute: { isResponsible: false } }],
      [INVITEE, { queryCompute: { isResponsible: true } }],
    ]);
  });

  it('allows 10 collaborations per creator and answers the 11th with ServiceQuotaExceededException (402)', async () => {
    for (let i = 0; i < 10; i++) await create({ name: `c${i}` });
    const error = await expectAwsError(
      creator.send(new CreateCollaborationCommand(collaborationInput({ name: 'one too many' }))),
      ServiceQuotaExceededException,
      402,
    );
    expect(error.quotaName).toBe('Maximum number of collaborations per account');
    expect(error.quotaValue).toBe(10);
    expect(typeof error.quotaValue).toBe('number');
    expect(await collaborationIds(creator)).toHaveLength(10);
    // The quota is per creator account, and a deleted collaboration frees its slot.
    await create({ name: 'other creator' }, invitee);
    const [first] = await collaborationIds(creator);
    await creator.send(new DeleteCollaborationCommand({ collaborationIdentifier: first }));
    await create({ name: 'replacement' });
    expect(await collaborationIds(creator)).toHaveLength(10);
  });

  it('allows 5 invited members and answers 6 with ServiceQuotaExceededException (402)', async () => {
    const accounts = ['900000000001', '900000000002', '900000000003', '900000000004'];
    const five = [...accounts, '900000000005'].map((a) => member(a));
    const c = await create({ members: five });
    expect(await listMembers(c.id)).toHaveLength(6);
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(
          collaborationInput({ members: [...five, member('900000000006')] }),
        ),
      ),
      ServiceQuotaExceededException,
      402,
    );
    expect(error.quotaName).toBe('Maximum number of members per collaboration');
    expect(error.quotaValue).toBe(5);
    expect(await collaborationIds(creator)).toEqual([c.id]);
  });
});

describe('members of the newer model (botocore 1.43.107) that SDK 3.1048 does not know', () => {
  it('accepts and returns CAN_EXPORT_QUERY_ANALYSIS_LOG, new change types and empty ML abilities', async () => {
    const c = await create({
      creatorMemberAbilities: ['CAN_QUERY', 'CAN_EXPORT_QUERY_ANALYSIS_LOG' as MemberAbility],
      creatorMLMemberAbilities: { customMLMemberAbilities: [] },
      autoApprovedChangeRequestTypes: [
        'ADD_MEMBER',
        'GRANT_EXPORT_QUERY_ANALYSIS_LOG_ABILITY' as AutoApprovedChangeType,
      ],
    });
    // Unknown enum strings pass through the SDK untyped.
    expect(c.autoApprovedChangeTypes).toEqual([
      'ADD_MEMBER',
      'GRANT_EXPORT_QUERY_ANALYSIS_LOG_ABILITY',
    ]);
    const [creatorSummary] = await listMembers(c.id);
    expect(creatorSummary?.abilities).toEqual(['CAN_QUERY', 'CAN_EXPORT_QUERY_ANALYSIS_LOG']);
    expect(creatorSummary?.mlAbilities).toEqual({ customMLMemberAbilities: [] });
  });

  it.each([
    ['without description', {}],
    ['with an empty description', { description: '' }],
  ])(
    'creates a collaboration %s (optional since the newer model; sent raw)',
    async (_kind, extra) => {
      const response = await rawRequest(running.url, {
        method: 'POST',
        path: '/collaborations',
        headers: { authorization: authorizationFor(CREATOR), 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'no description',
          creatorDisplayName: 'Creator',
          creatorMemberAbilities: [],
          queryLogStatus: 'DISABLED',
          members: [],
          ...extra,
        }),
      });
      expect(response.status).toBe(200);
      const { collaboration } = JSON.parse(response.text) as {
        collaboration: { id: string; description?: string };
      };
      expect(collaboration.description).toBe((extra as { description?: string }).description);
      expect(await collaborationIds(creator)).toEqual([collaboration.id]);
    },
  );
});

describe('ListMembers', () => {
  it('lists the creator first as INVITED with its display name and abilities, then the invitees in order', async () => {
    const c = await create({
      creatorDisplayName: 'Northwind Retail',
      creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
      creatorMLMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
      members: [
        member(INVITEE, { displayName: 'Contoso', memberAbilities: ['CAN_QUERY'] }),
        member(THIRD, {
          displayName: 'Fabrikam',
          memberAbilities: [],
          paymentConfiguration: { queryCompute: { isResponsible: false } },
        }),
      ],
    });
    const out = await creator.send(new ListMembersCommand({ collaborationIdentifier: c.id }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.nextToken).toBeUndefined();
    const members = out.memberSummaries ?? [];
    expect(members).toEqual([
      {
        accountId: CREATOR,
        displayName: 'Northwind Retail',
        status: 'INVITED',
        abilities: ['CAN_RECEIVE_RESULTS'],
        mlAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
        // Not set by the creator: synthesized, the querier is the default payer.
        paymentConfiguration: { queryCompute: { isResponsible: false } },
        createTime: expect.any(Date),
        updateTime: expect.any(Date),
      },
      {
        accountId: INVITEE,
        displayName: 'Contoso',
        status: 'INVITED',
        abilities: ['CAN_QUERY'],
        paymentConfiguration: { queryCompute: { isResponsible: true } },
        createTime: expect.any(Date),
        updateTime: expect.any(Date),
      },
      {
        accountId: THIRD,
        displayName: 'Fabrikam',
        status: 'INVITED',
        abilities: [],
        paymentConfiguration: { queryCompute: { isResponsible: false } },
        createTime: expect.any(Date),
        updateTime: expect.any(Date),
      },
    ]);
    for (const m of members) expect(expectDate(m.createTime)).toEqual(c.createTime);
  });

  it('shows the same list to an invited member', async () => {
    const c = await create({ members: [member(INVITEE), member(THIRD)] });
    expect(await listMembers(c.id, invitee)).toEqual(await listMembers(c.id, creator));
  });

  it('marks a member ACTIVE with its membership id and ARN once it joins', async () => {
    const c = await create({ members: [member(INVITEE)] });
    const { membership } = await invitee.send(
      new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
    );
    const members = await listMembers(c.id);
    expect(members[0]).toMatchObject({ accountId: CREATOR, status: 'INVITED' });
    expect(members[0]?.membershipId).toBeUndefined();
    expect(members[1]).toMatchObject({
      accountId: INVITEE,
      status: 'ACTIVE',
      membershipId: membership?.id,
      membershipArn: membershipArn('us-east-1', INVITEE, membership?.id as string),
    });
  });

  it('denies an account that is not in the collaboration', async () => {
    const c = await create({ members: [member(INVITEE)] });
    const error = await expectAwsError(
      outsider.send(new ListMembersCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    expect(error.reason).toBe('INSUFFICIENT_PERMISSIONS');
  });
});

describe('GetCollaboration', () => {
  it("describes the caller's own status: INVITED without a membership, ACTIVE with one", async () => {
    const c = await create({ members: [member(INVITEE)] });
    const before = await invitee.send(
      new GetCollaborationCommand({ collaborationIdentifier: c.id }),
    );
    expect(before.$metadata.httpStatusCode).toBe(200);
    expect(before.collaboration).toMatchObject({
      id: c.id,
      arn: c.arn,
      creatorAccountId: CREATOR,
      memberStatus: 'INVITED',
    });
    expect(before.collaboration?.membershipId).toBeUndefined();
    expect(before.collaboration?.membershipArn).toBeUndefined();

    const { membership } = await invitee.send(
      new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
    );
    const mine = await invitee.send(new GetCollaborationCommand({ collaborationIdentifier: c.id }));
    expect(mine.collaboration).toMatchObject({
      memberStatus: 'ACTIVE',
      membershipId: membership?.id,
      membershipArn: membership?.arn,
    });
    // The creator's view is about the creator, who has not joined.
    const creatorView = await creator.send(
      new GetCollaborationCommand({ collaborationIdentifier: c.id }),
    );
    expect(creatorView.collaboration?.memberStatus).toBe('INVITED');
    expect(creatorView.collaboration?.membershipId).toBeUndefined();
    // Everything else is the same collaboration.
    const {
      memberStatus: _a,
      membershipId: _b,
      membershipArn: _c,
      ...shared
    } = mine.collaboration ?? {};
    const { memberStatus: _d, ...creatorShared } = creatorView.collaboration ?? {};
    expect(shared).toEqual(creatorShared);
    // GetCollaboration gives the creator exactly what CreateCollaboration returned.
    expect(creatorView.collaboration).toEqual(c);
  });

  it('denies accounts that are not in the collaboration and unknown ids alike (AccessDenied, not NotFound)', async () => {
    const c = await create({ members: [member(INVITEE)] });
    const foreign = await expectAwsError(
      outsider.send(new GetCollaborationCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    expect(foreign.reason).toBe('INSUFFICIENT_PERMISSIONS');
    await expectAwsError(
      creator.send(
        new GetCollaborationCommand({
          collaborationIdentifier: '00000000-0000-4000-8000-000000000000',
        }),
      ),
      AccessDeniedException,
      403,
    );
  });

  it('validates the identifier before checking access', async () => {
    const error = await expectAwsError(
      outsider.send(
        new GetCollaborationCommand({
          collaborationIdentifier: 'A1B2C3D4-0000-4000-8000-000000000001',
        }),
      ),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([
      { name: 'collaborationIdentifier', message: expect.stringMatching(/regular expression/) },
    ]);
  });
});

describe('ListCollaborations', () => {
  it('lists created, invited and joined collaborations as summaries, filtered by memberStatus', async () => {
    const own = await create({ name: 'own', members: [member(INVITEE)] });
    const invited = await create({ name: 'invited', members: [member(THIRD)] }, invitee);
    const joined = await create({ name: 'joined', members: [member(CREATOR)] }, third);
    await creator.send(
      new CreateMembershipCommand({
        collaborationIdentifier: joined.id,
        queryLogStatus: 'DISABLED',
      }),
    );
    const other = await create({ name: 'not mine' }, outsider);

    const all = await creator.send(new ListCollaborationsCommand({}));
    expect(all.$metadata.httpStatusCode).toBe(200);
    expect(all.nextToken).toBeUndefined();
    const list = all.collaborationList ?? [];
    // Order is by createTime; creations in the same millisecond may tie, so compare as sets.
    expect(list.map((c) => c.name).sort()).toEqual(['joined', 'own']);
    const byId = (id: string) => list.find((c) => c.id === id);
    expect(byId(own.id)).toEqual({
      id: own.id,
      arn: own.arn,
      name: 'own',
      creatorAccountId: CREATOR,
      creatorDisplayName: 'Creator',
      createTime: own.createTime,
      updateTime: own.updateTime,
      memberStatus: 'INVITED',
    });
    expect(byId(joined.id)).toMatchObject({
      id: joined.id,
      creatorAccountId: THIRD,
      memberStatus: 'ACTIVE',
      membershipId: expect.stringMatching(UUID),
    });

    // The creator who has not joined its own collaboration counts as INVITED.
    expect(await collaborationIds(creator, 'INVITED')).toEqual([own.id]);
    expect(await collaborationIds(creator, 'ACTIVE')).toEqual([joined.id]);
    expect((await collaborationIds(invitee)).sort()).toEqual([own.id, invited.id].sort());
    expect(await collaborationIds(invitee, 'ACTIVE')).toEqual([]);
    expect(await collaborationIds(outsider)).toEqual([other.id]);
  });

  it('drops a collaboration the caller has left', async () => {
    const c = await create({ members: [member(INVITEE)] });
    const { membership } = await invitee.send(
      new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
    );
    expect(await collaborationIds(invitee)).toEqual([c.id]);
    await invitee.send(new DeleteMembershipCommand({ membershipIdentifier: membership?.id }));
    expect(await collaborationIds(invitee)).toEqual([]);
    expect(await collaborationIds(invitee, 'ACTIVE')).toEqual([]);
    expect(await collaborationIds(invitee, 'INVITED')).toEqual([]);
  });

  it('refuses a memberStatus outside INVITED/ACTIVE', async () => {
    const error = await expectAwsError(
      creator.send(new ListCollaborationsCommand({ memberStatus: 'LEFT' as unknown as 'ACTIVE' })),
      ValidationException,
      400,
    );
    expect(error.fieldList).toEqual([
      { name: 'memberStatus', message: 'Member must satisfy enum value set: [INVITED, ACTIVE]' },
    ]);
  });
});

describe('DeleteCollaboration', () => {
  it('answers 204 to the creator and then treats the collaboration as gone', async () => {
    const c = await create({ members: [member(INVITEE), member(THIRD)] });
    const creatorMembership = (
      await creator.send(
        new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'ENABLED' }),
      )
    ).membership;
    const inviteeMembership = (
      await invitee.send(
        new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
      )
    ).membership;

    const out = await creator.send(
      new DeleteCollaborationCommand({ collaborationIdentifier: c.id }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(Object.keys(out)).toEqual(['$metadata']);

    // Get, repeated Delete and ListMembers answer AccessDenied (not NotFound), for everyone.
    await expectAwsError(
      creator.send(new GetCollaborationCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    await expectAwsError(
      creator.send(new DeleteCollaborationCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    await expectAwsError(
      invitee.send(new ListMembersCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    // It leaves every list; the still-INVITED third account cannot join any more.
    expect(await collaborationIds(creator)).toEqual([]);
    expect(await collaborationIds(invitee)).toEqual([]);
    expect(await collaborationIds(third)).toEqual([]);
    await expectAwsError(
      third.send(
        new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
      ),
      AccessDeniedException,
      403,
    );

    // Memberships stay readable and listable as COLLABORATION_DELETED.
    for (const [client, m] of [
      [creator, creatorMembership],
      [invitee, inviteeMembership],
    ] as const) {
      const { membership } = await client.send(
        new GetMembershipCommand({ membershipIdentifier: m?.id }),
      );
      expect(membership).toMatchObject({ id: m?.id, status: 'COLLABORATION_DELETED' });
      expect(expectDate(membership?.updateTime).getTime()).toBeGreaterThanOrEqual(
        expectDate(m?.updateTime).getTime(),
      );
      const listed = await client.send(
        new ListMembershipsCommand({ status: 'COLLABORATION_DELETED' }),
      );
      expect(listed.membershipSummaries?.map((s) => [s.id, s.status])).toEqual([
        [m?.id, 'COLLABORATION_DELETED'],
      ]);
    }

    // Cleaning up a COLLABORATION_DELETED membership is allowed, even for the creator.
    for (const [client, m] of [
      [creator, creatorMembership],
      [invitee, inviteeMembership],
    ] as const) {
      const deleted = await client.send(
        new DeleteMembershipCommand({ membershipIdentifier: m?.id }),
      );
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      const left = await client.send(new ListMembershipsCommand({}));
      expect(left.membershipSummaries).toEqual([]);
    }
  });

  it('refuses members other than the creator and leaves the collaboration intact', async () => {
    const c = await create({ members: [member(INVITEE)] });
    await invitee.send(
      new CreateMembershipCommand({ collaborationIdentifier: c.id, queryLogStatus: 'DISABLED' }),
    );
    const error = await expectAwsError(
      invitee.send(new DeleteCollaborationCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    expect(error.reason).toBe('INSUFFICIENT_PERMISSIONS');
    await expectAwsError(
      outsider.send(new DeleteCollaborationCommand({ collaborationIdentifier: c.id })),
      AccessDeniedException,
      403,
    );
    const still = await creator.send(
      new GetCollaborationCommand({ collaborationIdentifier: c.id }),
    );
    expect(still.collaboration?.id).toBe(c.id);
    const memberships = await invitee.send(new ListMembershipsCommand({}));
    expect(memberships.membershipSummaries?.map((m) => m.status)).toEqual(['ACTIVE']);
  });
});
