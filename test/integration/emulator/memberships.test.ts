/**
 * Memberships through the real SDK against a standalone emulator: CreateMembership,
 * GetMembership, UpdateMembership, ListMemberships and DeleteMembership, with the member and
 * membership status machines and the settings and payment rules of memberships.
 * The emulator runs on a controllable clock so timestamp changes are exact.
 */
import {
  AccessDeniedException,
  CleanRoomsClient,
  ConflictException,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  DeleteCollaborationCommand,
  DeleteMembershipCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  ResourceNotFoundException,
  UpdateMembershipCommand,
  ValidationException,
  type CreateCollaborationCommandInput,
  type CreateMembershipCommandInput,
  type Membership,
} from '@aws-sdk/client-cleanrooms';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
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
import { ACCOUNTS, httpClient } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: MEMBER, fabrikam: THIRD, outsider: OUTSIDER } = ACCOUNTS;

/** Epoch seconds with a fraction, to check sub-second precision on the wire. */
const T0 = 1_767_605_400.125;
const clock = { now: T0 };

let running: RunningEmulator;
let creator: CleanRoomsClient;
let memberClient: CleanRoomsClient;
let third: CleanRoomsClient;
let outsider: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulatorServer({
    port: 0,
    emulator: new CleanRoomsEmulator({ now: () => clock.now }),
  });
  creator = httpClient(running.url, CREATOR);
  memberClient = httpClient(running.url, MEMBER);
  third = httpClient(running.url, THIRD);
  outsider = httpClient(running.url, OUTSIDER);
});

afterAll(async () => {
  for (const client of [creator, memberClient, third, outsider]) client.destroy();
  await running.close();
});

beforeEach(async () => {
  clock.now = T0;
  await resetEmulator(running.url);
});

async function collaboration(overrides: Partial<CreateCollaborationCommandInput> = {}) {
  const { collaboration: c } = await creator.send(
    new CreateCollaborationCommand(collaborationInput({ members: [member(MEMBER)], ...overrides })),
  );
  return c?.id as string;
}

async function join(
  collaborationIdentifier: string,
  overrides: Partial<CreateMembershipCommandInput> = {},
  client = memberClient,
): Promise<Membership & { id: string }> {
  const { membership } = await client.send(
    new CreateMembershipCommand({
      collaborationIdentifier,
      queryLogStatus: 'DISABLED',
      ...overrides,
    }),
  );
  return membership as Membership & { id: string };
}

async function get(id: string, client = memberClient) {
  return (await client.send(new GetMembershipCommand({ membershipIdentifier: id }))).membership;
}

async function memberStatus(collaborationIdentifier: string, accountId: string = MEMBER) {
  const { memberSummaries } = await creator.send(
    new ListMembersCommand({ collaborationIdentifier }),
  );
  return memberSummaries?.find((m) => m.accountId === accountId)?.status;
}

async function membershipIds(client = memberClient) {
  const { membershipSummaries } = await client.send(new ListMembershipsCommand({}));
  return (membershipSummaries ?? []).map((m) => m.id);
}

const RESULTS = {
  outputConfiguration: {
    s3: {
      resultFormat: 'PARQUET' as const,
      bucket: 'contoso-results',
      keyPrefix: 'q/',
      singleFileOutput: true,
    },
  },
  roleArn: 'arn:aws:iam::222222222222:role/CleanRoomsResults',
};
const JOB_RESULTS = {
  outputConfiguration: { s3: { bucket: 'contoso-jobs', keyPrefix: 'j/' } },
  roleArn: 'arn:aws:iam::222222222222:role/CleanRoomsJobs',
};

describe('CreateMembership', () => {
  it('joins an invited account: every field, a membership ARN in the member account and region, Date timestamps', async () => {
    // Both sides in eu-west-1: a collaboration exists only in the region it was created in.
    const euCreator = httpClient(running.url, CREATOR, { region: 'eu-west-1' });
    const { collaboration: created } = await euCreator.send(
      new CreateCollaborationCommand(
        collaborationInput({
          name: 'Measurement',
          creatorDisplayName: 'Northwind',
          creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
          isMetricsEnabled: true,
          members: [
            member(MEMBER, {
              memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS', 'CAN_RUN_JOB'],
              mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
              paymentConfiguration: {
                queryCompute: { isResponsible: true },
                jobCompute: { isResponsible: true },
              },
            }),
          ],
        }),
      ),
    );
    euCreator.destroy();
    const collaborationId = created?.id as string;
    clock.now = T0 + 10;
    const eu = httpClient(running.url, MEMBER, { region: 'eu-west-1' });
    const out = await eu.send(
      new CreateMembershipCommand({
        collaborationIdentifier: collaborationId,
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'ENABLED',
        defaultResultConfiguration: RESULTS,
        defaultJobResultConfiguration: JOB_RESULTS,
        paymentConfiguration: {
          queryCompute: { isResponsible: true },
          jobCompute: { isResponsible: true },
        },
        isMetricsEnabled: true,
        tags: { team: 'ads' },
      }),
    );
    eu.destroy();

    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(UUID);
    const id = out.membership?.id as string;
    expect(id).toMatch(UUID);
    expect(out.membership).toEqual({
      id,
      arn: membershipArn('eu-west-1', MEMBER, id),
      // The collaboration's ARN keeps the creator's account.
      collaborationArn: collaborationArn('eu-west-1', CREATOR, collaborationId),
      collaborationId,
      collaborationCreatorAccountId: CREATOR,
      collaborationCreatorDisplayName: 'Northwind',
      collaborationName: 'Measurement',
      createTime: new Date((T0 + 10) * 1000),
      updateTime: new Date((T0 + 10) * 1000),
      status: 'ACTIVE',
      memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS', 'CAN_RUN_JOB'],
      mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'ENABLED',
      // Tagged unions come back as `{ s3: {...} }`, not `$unknown`.
      defaultResultConfiguration: RESULTS,
      defaultJobResultConfiguration: JOB_RESULTS,
      paymentConfiguration: {
        queryCompute: { isResponsible: true },
        jobCompute: { isResponsible: true },
      },
      isMetricsEnabled: true,
    });
    expect(expectDate(out.membership?.createTime).getTime()).toBe(1_767_605_410_125);
    expect(out.membership?.defaultResultConfiguration?.outputConfiguration).not.toHaveProperty(
      '$unknown',
    );
  });

  it('turns the member INVITED → ACTIVE and shows the membership in ListMembers and GetCollaboration', async () => {
    const collaborationId = await collaboration();
    expect(await memberStatus(collaborationId)).toBe('INVITED');
    clock.now = T0 + 5;
    const m = await join(collaborationId);
    const { memberSummaries } = await creator.send(
      new ListMembersCommand({ collaborationIdentifier: collaborationId }),
    );
    expect(memberSummaries?.[1]).toMatchObject({
      accountId: MEMBER,
      status: 'ACTIVE',
      membershipId: m.id,
      membershipArn: m.arn,
      updateTime: new Date((T0 + 5) * 1000),
      createTime: new Date(T0 * 1000),
    });
    const { collaboration: c } = await memberClient.send(
      new GetCollaborationCommand({ collaborationIdentifier: collaborationId }),
    );
    expect(c).toMatchObject({ memberStatus: 'ACTIVE', membershipId: m.id, membershipArn: m.arn });
  });

  it('derives abilities and payment from what the creator designated when the request omits them', async () => {
    const collaborationId = await collaboration({
      creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
      members: [member(MEMBER, { memberAbilities: ['CAN_QUERY'] })],
    });
    const m = await join(collaborationId);
    expect(m.memberAbilities).toEqual(['CAN_QUERY']);
    // Nobody was marked as payer: the querier is the default payer.
    expect(m.paymentConfiguration).toEqual({ queryCompute: { isResponsible: true } });
    expect(m.queryLogStatus).toBe('DISABLED');
    for (const absent of [
      'jobLogStatus',
      'defaultResultConfiguration',
      'defaultJobResultConfiguration',
      'isMetricsEnabled',
      'mlMemberAbilities',
    ]) {
      expect(m).not.toHaveProperty(absent);
    }
  });

  it('lets the creator join its own collaboration with the creator abilities', async () => {
    const collaborationId = await collaboration({
      creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
      creatorDisplayName: 'Northwind',
    });
    const m = await join(collaborationId, {}, creator);
    expect(m).toMatchObject({
      arn: membershipArn('us-east-1', CREATOR, m.id),
      collaborationCreatorAccountId: CREATOR,
      memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
      paymentConfiguration: { queryCompute: { isResponsible: true } },
      status: 'ACTIVE',
    });
    expect(await memberStatus(collaborationId, CREATOR)).toBe('ACTIVE');
  });

  it('answers a second create with Conflict ALREADY_EXISTS naming the existing membership', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId);
    const error = await expectAwsError(
      memberClient.send(
        new CreateMembershipCommand({
          collaborationIdentifier: collaborationId,
          queryLogStatus: 'DISABLED',
        }),
      ),
      ConflictException,
      409,
    );
    expect(error).toMatchObject({
      reason: 'ALREADY_EXISTS',
      resourceType: 'MEMBERSHIP',
      resourceId: m.id,
    });
    expect(await membershipIds()).toEqual([m.id]);
  });

  it('denies accounts that were not invited, and unknown collaborations', async () => {
    const collaborationId = await collaboration();
    const error = await expectAwsError(
      outsider.send(
        new CreateMembershipCommand({
          collaborationIdentifier: collaborationId,
          queryLogStatus: 'DISABLED',
        }),
      ),
      AccessDeniedException,
      403,
    );
    expect(error.reason).toBe('INSUFFICIENT_PERMISSIONS');
    await expectAwsError(
      memberClient.send(
        new CreateMembershipCommand({
          collaborationIdentifier: '00000000-0000-4000-8000-000000000000',
          queryLogStatus: 'DISABLED',
        }),
      ),
      AccessDeniedException,
      403,
    );
    expect(await membershipIds(outsider)).toEqual([]);
    expect(await memberStatus(collaborationId)).toBe('INVITED');
  });

  it('refuses queryLogStatus ENABLED when the collaboration has query logging DISABLED', async () => {
    const collaborationId = await collaboration({ queryLogStatus: 'DISABLED' });
    const error = await expectAwsError(
      join(collaborationId, { queryLogStatus: 'ENABLED' }),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('INVALID_CONFIGURATION');
    expect(error.fieldList).toEqual([{ name: 'queryLogStatus', message: expect.any(String) }]);
    expect(await memberStatus(collaborationId)).toBe('INVITED');
    expect(await membershipIds()).toEqual([]);
  });

  it('refuses defaultResultConfiguration for a member without CAN_RECEIVE_RESULTS', async () => {
    const collaborationId = await collaboration({
      members: [member(MEMBER, { memberAbilities: [] })],
    });
    const error = await expectAwsError(
      join(collaborationId, { defaultResultConfiguration: RESULTS }),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('INVALID_CONFIGURATION');
    expect(error.fieldList?.[0]?.name).toBe('defaultResultConfiguration');
    expect(await membershipIds()).toEqual([]);
  });

  it.each([
    ['no member', {}],
    ['an unknown member ($unknown is sent as its own key)', { $unknown: ['gcs', { bucket: 'x' }] }],
  ])('refuses an output configuration union with %s', async (_kind, outputConfiguration) => {
    const collaborationId = await collaboration();
    const error = await expectAwsError(
      join(collaborationId, {
        defaultResultConfiguration: {
          outputConfiguration: outputConfiguration as { s3: never },
        },
      }),
      ValidationException,
      400,
    );
    expect(error.fieldList).toEqual([
      {
        name: 'defaultResultConfiguration.outputConfiguration',
        message: 'Member must have exactly one of [s3] set',
      },
    ]);
    expect(await memberStatus(collaborationId)).toBe('INVITED');
  });

  describe('payment', () => {
    it('refuses isResponsible true from a member the creator did not designate', async () => {
      const collaborationId = await collaboration(); // the creator queries and pays
      const error = await expectAwsError(
        join(collaborationId, { paymentConfiguration: { queryCompute: { isResponsible: true } } }),
        ValidationException,
        400,
      );
      expect(error.reason).toBe('INVALID_CONFIGURATION');
      expect(error.fieldList).toEqual([
        { name: 'paymentConfiguration.queryCompute.isResponsible', message: expect.any(String) },
      ]);
      expect(await memberStatus(collaborationId)).toBe('INVITED');
    });

    it('refuses isResponsible false from the designated payer', async () => {
      const collaborationId = await collaboration({
        creatorPaymentConfiguration: { queryCompute: { isResponsible: false } },
        members: [
          member(MEMBER, { paymentConfiguration: { queryCompute: { isResponsible: true } } }),
        ],
      });
      const error = await expectAwsError(
        join(collaborationId, { paymentConfiguration: { queryCompute: { isResponsible: false } } }),
        ValidationException,
        400,
      );
      expect(error.fieldList?.[0]?.name).toBe('paymentConfiguration.queryCompute.isResponsible');
      expect(await membershipIds()).toEqual([]);
    });

    it('requires paymentConfiguration from a designated payer that cannot query', async () => {
      const collaborationId = await collaboration({
        creatorPaymentConfiguration: { queryCompute: { isResponsible: false } },
        members: [
          member(MEMBER, { paymentConfiguration: { queryCompute: { isResponsible: true } } }),
        ],
      });
      const error = await expectAwsError(join(collaborationId), ValidationException, 400);
      expect(error.reason).toBe('INVALID_CONFIGURATION');
      expect(error.fieldList?.[0]?.name).toBe('paymentConfiguration');
      expect(await memberStatus(collaborationId)).toBe('INVITED');

      const m = await join(collaborationId, {
        paymentConfiguration: { queryCompute: { isResponsible: true } },
      });
      expect(m.paymentConfiguration).toEqual({ queryCompute: { isResponsible: true } });
    });

    it('checks the other responsibilities against the designation too', async () => {
      const collaborationId = await collaboration({
        members: [
          member(MEMBER, {
            paymentConfiguration: {
              queryCompute: { isResponsible: false },
              machineLearning: { modelTraining: { isResponsible: true } },
            },
          }),
        ],
      });
      const error = await expectAwsError(
        join(collaborationId, {
          paymentConfiguration: {
            queryCompute: { isResponsible: false },
            machineLearning: { modelTraining: { isResponsible: false } },
          },
        }),
        ValidationException,
        400,
      );
      expect(error.fieldList?.[0]?.name).toBe(
        'paymentConfiguration.machineLearning.modelTraining.isResponsible',
      );
      const m = await join(collaborationId, {
        paymentConfiguration: {
          queryCompute: { isResponsible: false },
          machineLearning: { modelTraining: { isResponsible: true } },
        },
      });
      expect(m.paymentConfiguration?.machineLearning).toEqual({
        modelTraining: { isResponsible: true },
      });
    });
  });

  describe('isMetricsEnabled', () => {
    it('is refused in a collaboration without metrics', async () => {
      const collaborationId = await collaboration({
        isMetricsEnabled: false,
        creatorMemberAbilities: [],
        members: [member(MEMBER, { memberAbilities: ['CAN_QUERY'] })],
      });
      const error = await expectAwsError(
        join(collaborationId, { isMetricsEnabled: true }),
        ValidationException,
        400,
      );
      expect(error.reason).toBe('INVALID_CONFIGURATION');
      expect(error.fieldList?.[0]?.name).toBe('isMetricsEnabled');
    });

    it('is refused for a member that neither queries nor pays', async () => {
      const collaborationId = await collaboration({ isMetricsEnabled: true });
      const error = await expectAwsError(
        join(collaborationId, { isMetricsEnabled: true }),
        ValidationException,
        400,
      );
      expect(error.fieldList?.[0]?.name).toBe('isMetricsEnabled');
      expect(await membershipIds()).toEqual([]);
    });

    it('is accepted for the querier in a collaboration with metrics, and false is always fine', async () => {
      const collaborationId = await collaboration({
        isMetricsEnabled: true,
        creatorMemberAbilities: [],
        members: [member(MEMBER, { memberAbilities: ['CAN_QUERY'] })],
      });
      expect((await join(collaborationId, { isMetricsEnabled: true })).isMetricsEnabled).toBe(true);
      const other = await collaboration({ isMetricsEnabled: false });
      expect((await join(other, { isMetricsEnabled: false })).isMetricsEnabled).toBe(false);
    });

    it('is accepted for a designated payer that cannot query', async () => {
      const collaborationId = await collaboration({
        isMetricsEnabled: true,
        creatorPaymentConfiguration: { queryCompute: { isResponsible: false } },
        members: [
          member(MEMBER, { paymentConfiguration: { queryCompute: { isResponsible: true } } }),
        ],
      });
      const m = await join(collaborationId, {
        isMetricsEnabled: true,
        paymentConfiguration: { queryCompute: { isResponsible: true } },
      });
      expect(m.isMetricsEnabled).toBe(true);
    });
  });

  it('answers ResourceNotFound (COLLABORATION) instead when the emulator is configured so', async () => {
    const alternative = await startEmulatorServer({
      port: 0,
      emulator: new CleanRoomsEmulator({
        unknownCollaborationOnCreateMembership: 'ResourceNotFoundException',
      }),
    });
    const client = httpClient(alternative.url, OUTSIDER);
    try {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const error = await expectAwsError(
        client.send(
          new CreateMembershipCommand({
            collaborationIdentifier: unknown,
            queryLogStatus: 'DISABLED',
          }),
        ),
        ResourceNotFoundException,
        404,
      );
      expect(error).toMatchObject({ resourceId: unknown, resourceType: 'COLLABORATION' });
    } finally {
      client.destroy();
      await alternative.close();
    }
  });
});

describe('REMOVED members (demo seed: Acme was removed from the brand-lift study)', () => {
  const acmeClient = () => httpClient(running.url, DEMO_ACCOUNTS.acme);

  it('cannot rejoin, cannot update, and are listed under status REMOVED', async () => {
    await resetEmulator(running.url, true);
    const acme = acmeClient();
    try {
      const rejoin = await expectAwsError(
        acme.send(
          new CreateMembershipCommand({
            collaborationIdentifier: DEMO_IDS.brandLift,
            queryLogStatus: 'DISABLED',
          }),
        ),
        ConflictException,
        409,
      );
      expect(rejoin).toMatchObject({ reason: 'INVALID_STATE', resourceId: DEMO_IDS.brandLift });
      const update = await expectAwsError(
        acme.send(
          new UpdateMembershipCommand({
            membershipIdentifier: DEMO_IDS.acmeBrandLiftMembership,
            jobLogStatus: 'ENABLED',
          }),
        ),
        ConflictException,
        409,
      );
      expect(update).toMatchObject({
        reason: 'INVALID_STATE',
        resourceType: 'MEMBERSHIP',
        resourceId: DEMO_IDS.acmeBrandLiftMembership,
      });
      const { membershipSummaries } = await acme.send(
        new ListMembershipsCommand({ status: 'REMOVED' }),
      );
      expect(membershipSummaries?.map((m) => [m.id, m.status])).toEqual([
        [DEMO_IDS.acmeBrandLiftMembership, 'REMOVED'],
      ]);
      // A removed member no longer sees the collaboration.
      await expectAwsError(
        acme.send(new GetCollaborationCommand({ collaborationIdentifier: DEMO_IDS.brandLift })),
        AccessDeniedException,
        403,
      );
    } finally {
      acme.destroy();
    }
  });
});

describe('GetMembership', () => {
  it('returns what CreateMembership returned', async () => {
    const m = await join(await collaboration(), { jobLogStatus: 'ENABLED' });
    const out = await memberClient.send(new GetMembershipCommand({ membershipIdentifier: m.id }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.membership).toEqual(m);
  });

  it("answers ResourceNotFound for another account's membership and unknown ids", async () => {
    const m = await join(await collaboration());
    for (const client of [creator, outsider]) {
      const error = await expectAwsError(get(m.id, client), ResourceNotFoundException, 404);
      expect(error).toMatchObject({ resourceId: m.id, resourceType: 'MEMBERSHIP' });
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    const error = await expectAwsError(get(unknown), ResourceNotFoundException, 404);
    expect(error).toMatchObject({ resourceId: unknown, resourceType: 'MEMBERSHIP' });
  });

  it('refuses an empty identifier (the SDK sends a trailing slash)', async () => {
    const error = await expectAwsError(get(''), ValidationException, 400);
    expect(error.fieldList?.[0]?.name).toBe('membershipIdentifier');
  });

  it('validates the identifier before looking it up', async () => {
    const error = await expectAwsError(get('not-a-uuid'), ValidationException, 400);
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([
      {
        name: 'membershipIdentifier',
        message: 'Member must have length greater than or equal to 36',
      },
    ]);
  });
});

describe('UpdateMembership', () => {
  it('changes only the members sent (PATCH) and advances updateTime', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId, {
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'DISABLED',
      defaultResultConfiguration: RESULTS,
    });
    clock.now = T0 + 60;
    const out = await memberClient.send(
      new UpdateMembershipCommand({ membershipIdentifier: m.id, jobLogStatus: 'ENABLED' }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.membership).toEqual({
      ...m,
      jobLogStatus: 'ENABLED',
      updateTime: new Date((T0 + 60) * 1000),
    });
    expect(out.membership?.createTime).toEqual(m.createTime);
    expect(await get(m.id)).toEqual(out.membership);

    clock.now = T0 + 120;
    const second = await memberClient.send(
      new UpdateMembershipCommand({
        membershipIdentifier: m.id,
        queryLogStatus: 'DISABLED',
        defaultJobResultConfiguration: JOB_RESULTS,
        defaultResultConfiguration: {
          outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'other-bucket' } },
        },
      }),
    );
    expect(second.membership).toEqual({
      ...m,
      jobLogStatus: 'ENABLED',
      queryLogStatus: 'DISABLED',
      defaultJobResultConfiguration: JOB_RESULTS,
      defaultResultConfiguration: {
        outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'other-bucket' } },
      },
      updateTime: new Date((T0 + 120) * 1000),
    });
  });

  it('with only the identifier changes nothing but updateTime', async () => {
    const m = await join(await collaboration(), { defaultResultConfiguration: RESULTS });
    clock.now = T0 + 1.5;
    const out = await memberClient.send(
      new UpdateMembershipCommand({ membershipIdentifier: m.id }),
    );
    expect(out.membership).toEqual({ ...m, updateTime: new Date((T0 + 1.5) * 1000) });
  });

  it('applies the create-time rules and leaves the membership untouched when refusing', async () => {
    const collaborationId = await collaboration({
      queryLogStatus: 'DISABLED',
      members: [member(MEMBER, { memberAbilities: [] })],
    });
    const m = await join(collaborationId);
    clock.now = T0 + 30;
    const logging = await expectAwsError(
      memberClient.send(
        new UpdateMembershipCommand({ membershipIdentifier: m.id, queryLogStatus: 'ENABLED' }),
      ),
      ValidationException,
      400,
    );
    expect(logging.reason).toBe('INVALID_CONFIGURATION');
    expect(logging.fieldList?.[0]?.name).toBe('queryLogStatus');
    const results = await expectAwsError(
      memberClient.send(
        new UpdateMembershipCommand({
          membershipIdentifier: m.id,
          jobLogStatus: 'ENABLED',
          defaultResultConfiguration: RESULTS,
        }),
      ),
      ValidationException,
      400,
    );
    expect(results.reason).toBe('INVALID_CONFIGURATION');
    expect(results.fieldList?.[0]?.name).toBe('defaultResultConfiguration');
    expect(await get(m.id)).toEqual(m);
  });

  it('refuses a membership that is no longer ACTIVE with Conflict INVALID_STATE', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId);
    await creator.send(
      new DeleteCollaborationCommand({ collaborationIdentifier: collaborationId }),
    );
    const error = await expectAwsError(
      memberClient.send(
        new UpdateMembershipCommand({ membershipIdentifier: m.id, jobLogStatus: 'ENABLED' }),
      ),
      ConflictException,
      409,
    );
    expect(error).toMatchObject({
      reason: 'INVALID_STATE',
      resourceType: 'MEMBERSHIP',
      resourceId: m.id,
    });
    expect((await get(m.id))?.jobLogStatus).toBeUndefined();
  });

  it("answers ResourceNotFound for another account's membership and does not change it", async () => {
    const m = await join(await collaboration());
    const error = await expectAwsError(
      creator.send(
        new UpdateMembershipCommand({ membershipIdentifier: m.id, jobLogStatus: 'ENABLED' }),
      ),
      ResourceNotFoundException,
      404,
    );
    expect(error).toMatchObject({ resourceId: m.id, resourceType: 'MEMBERSHIP' });
    expect(await get(m.id)).toEqual(m);
  });
});

describe('UpdateMembership with membershipPaymentConfiguration (newer API, sent raw: SDK 3.1048 drops it)', () => {
  async function patch(id: string, body: unknown) {
    const response = await rawRequest(running.url, {
      method: 'PATCH',
      path: `/memberships/${id}`,
      headers: { authorization: authorizationFor(MEMBER), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers['x-amzn-errortype'],
      body: JSON.parse(response.text),
    };
  }

  it('accepts responsibilities that match the designation and merges them into the membership', async () => {
    const collaborationId = await collaboration({
      members: [
        member(MEMBER, {
          paymentConfiguration: {
            queryCompute: { isResponsible: false },
            jobCompute: { isResponsible: true },
          },
        }),
      ],
    });
    const m = await join(collaborationId, {
      paymentConfiguration: { queryCompute: { isResponsible: false } },
    });
    expect(m.paymentConfiguration).toEqual({ queryCompute: { isResponsible: false } });

    const refused = await patch(m.id, {
      membershipPaymentConfiguration: { queryCompute: { isResponsible: true } },
    });
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('ValidationException');
    expect(refused.body.fieldList).toEqual([
      {
        name: 'membershipPaymentConfiguration.queryCompute.isResponsible',
        message: expect.any(String),
      },
    ]);
    expect(await get(m.id)).toEqual(m);

    const accepted = await patch(m.id, {
      membershipPaymentConfiguration: { jobCompute: { isResponsible: true } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.membership.paymentConfiguration).toEqual({
      queryCompute: { isResponsible: false },
      jobCompute: { isResponsible: true },
    });
    expect((await get(m.id))?.paymentConfiguration).toEqual({
      queryCompute: { isResponsible: false },
      jobCompute: { isResponsible: true },
    });
  });
  it('treats JSON null members as absent: nothing is cleared and unknown members are ignored', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId, {
      jobLogStatus: 'ENABLED',
      defaultResultConfiguration: RESULTS,
    });
    const response = await patch(m.id, {
      jobLogStatus: null,
      queryLogStatus: null,
      defaultResultConfiguration: {
        outputConfiguration: { s3: { ...RESULTS.outputConfiguration.s3, colour: 'blue' } },
        roleArn: null,
      },
      unknownMember: { a: 1 },
    });
    expect(response.status).toBe(200);
    const { createTime: _c, updateTime: _u, ...unchanged } = m;
    const { defaultResultConfiguration: _r, ...rest } = unchanged;
    expect(response.body.membership).toMatchObject({
      ...rest,
      jobLogStatus: 'ENABLED',
      queryLogStatus: 'DISABLED',
      // A null roleArn means "not given": the union member is replaced, without the unknown key.
      defaultResultConfiguration: { outputConfiguration: RESULTS.outputConfiguration },
    });
    expect(response.body.membership.defaultResultConfiguration).toEqual({
      outputConfiguration: RESULTS.outputConfiguration,
    });
    expect(await get(m.id)).toMatchObject({ jobLogStatus: 'ENABLED', queryLogStatus: 'DISABLED' });
  });
});

describe('ListMemberships', () => {
  it("lists only the caller's memberships as summaries, oldest first", async () => {
    const first = await join(await collaboration({ name: 'first' }));
    clock.now = T0 + 1;
    const second = await join(await collaboration({ name: 'second' }), {
      jobLogStatus: 'ENABLED',
    });
    await join(await collaboration({ name: 'creator own' }), {}, creator);

    const out = await memberClient.send(new ListMembershipsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.nextToken).toBeUndefined();
    const summaries = out.membershipSummaries ?? [];
    expect(summaries.map((s) => s.collaborationName)).toEqual(['first', 'second']);
    const { queryLogStatus: _q, ...summaryFields } = first;
    expect(summaries[0]).toEqual(summaryFields);
    // A summary carries no log statuses or result configurations: those need GetMembership.
    expect(summaries[1]).not.toHaveProperty('jobLogStatus');
    expect(summaries[1]).not.toHaveProperty('queryLogStatus');
    expect(summaries[1]?.id).toBe(second.id);
    expect(await membershipIds(creator)).toHaveLength(1);
    expect(await membershipIds(outsider)).toEqual([]);
  });

  it('filters by status', async () => {
    const live = await join(await collaboration({ name: 'live' }));
    clock.now = T0 + 1;
    const doomedCollaboration = await collaboration({ name: 'doomed' });
    const doomed = await join(doomedCollaboration);
    await creator.send(
      new DeleteCollaborationCommand({ collaborationIdentifier: doomedCollaboration }),
    );
    const byStatus = async (status: 'ACTIVE' | 'REMOVED' | 'COLLABORATION_DELETED') =>
      (
        (await memberClient.send(new ListMembershipsCommand({ status }))).membershipSummaries ?? []
      ).map((s) => [s.id, s.status]);
    expect(await byStatus('ACTIVE')).toEqual([[live.id, 'ACTIVE']]);
    expect(await byStatus('COLLABORATION_DELETED')).toEqual([[doomed.id, 'COLLABORATION_DELETED']]);
    expect(await byStatus('REMOVED')).toEqual([]);
    expect(await membershipIds()).toEqual([live.id, doomed.id]);
  });
});

describe('DeleteMembership', () => {
  it('lets a member leave: 204, then NotFound, gone from the list, LEFT in ListMembers, no rejoin', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId);
    clock.now = T0 + 7;
    const out = await memberClient.send(
      new DeleteMembershipCommand({ membershipIdentifier: m.id }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(out.$metadata.requestId).toMatch(UUID);

    const error = await expectAwsError(get(m.id), ResourceNotFoundException, 404);
    expect(error).toMatchObject({ resourceId: m.id, resourceType: 'MEMBERSHIP' });
    expect(await membershipIds()).toEqual([]);

    const { memberSummaries } = await creator.send(
      new ListMembersCommand({ collaborationIdentifier: collaborationId }),
    );
    expect(memberSummaries?.[1]).toMatchObject({
      accountId: MEMBER,
      status: 'LEFT',
      updateTime: new Date((T0 + 7) * 1000),
    });

    const rejoin = await expectAwsError(join(collaborationId), ConflictException, 409);
    expect(rejoin.reason).toBe('INVALID_STATE');
    expect(rejoin.resourceId).toBe(collaborationId);
    // A member that left cannot see the collaboration any more.
    await expectAwsError(
      memberClient.send(new GetCollaborationCommand({ collaborationIdentifier: collaborationId })),
      AccessDeniedException,
      403,
    );
    // Deleting again: the membership no longer exists.
    await expectAwsError(
      memberClient.send(new DeleteMembershipCommand({ membershipIdentifier: m.id })),
      ResourceNotFoundException,
      404,
    );
  });

  it('refuses the creator while the collaboration exists (Conflict INVALID_STATE)', async () => {
    const collaborationId = await collaboration();
    const m = await join(collaborationId, {}, creator);
    const error = await expectAwsError(
      creator.send(new DeleteMembershipCommand({ membershipIdentifier: m.id })),
      ConflictException,
      409,
    );
    expect(error).toMatchObject({
      reason: 'INVALID_STATE',
      resourceType: 'MEMBERSHIP',
      resourceId: m.id,
    });
    expect((await get(m.id, creator))?.status).toBe('ACTIVE');
    expect(await memberStatus(collaborationId, CREATOR)).toBe('ACTIVE');
  });

  it("answers ResourceNotFound for another account's membership and keeps it", async () => {
    const m = await join(await collaboration());
    const error = await expectAwsError(
      third.send(new DeleteMembershipCommand({ membershipIdentifier: m.id })),
      ResourceNotFoundException,
      404,
    );
    expect(error).toMatchObject({ resourceId: m.id, resourceType: 'MEMBERSHIP' });
    expect(await membershipIds()).toEqual([m.id]);
  });
});
