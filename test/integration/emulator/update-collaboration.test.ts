/**
 * UpdateCollaboration through the real SDK against a standalone emulator: the PATCH route and
 * its body, what changes (only the members sent, `updateTime` always) and where the new name
 * shows (lists, the members' memberships), who may update (the creator, while the
 * collaboration exists), and bad input that changes nothing. The emulator's clock is set by the
 * test, so "updateTime changed" is exact.
 */
import {
  AccessDeniedException,
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  DeleteCollaborationCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  ListCollaborationsCommand,
  ListMembershipsCommand,
  UpdateCollaborationCommand,
  ValidationException,
  type AnalyticsEngine,
  type UpdateCollaborationCommandInput,
} from '@aws-sdk/client-cleanrooms';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import {
  authorizationFor,
  getStats,
  rawRequest,
  resetEmulator,
} from '../../helpers/emulator-admin';
import {
  collaborationInput,
  expectAwsError,
  expectDate,
  member,
  UUID,
} from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: INVITEE, outsider: OUTSIDER } = ACCOUNTS;

/** Epoch seconds the emulator reads as "now". */
let clock = 1_700_000_000;
let running: RunningEmulator;
let creator: CleanRoomsClient;
let invitee: CleanRoomsClient;
let outsider: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulatorServer({ emulator: new CleanRoomsEmulator({ now: () => clock }) });
  creator = httpClient(running.url, CREATOR);
  invitee = httpClient(running.url, INVITEE);
  outsider = httpClient(running.url, OUTSIDER);
});

afterAll(async () => {
  for (const client of [creator, invitee, outsider]) client.destroy();
  await running.close();
});

let id: string;
let inviteeMembershipId: string;

beforeEach(async () => {
  await resetEmulator(running.url);
  clock = 1_700_000_000;
  const { collaboration } = await creator.send(
    new CreateCollaborationCommand(
      collaborationInput({
        name: 'Retail measurement',
        description: 'Measures campaigns',
        analyticsEngine: 'SPARK',
        members: [member(INVITEE)],
      }),
    ),
  );
  id = collaboration?.id as string;
  const { membership } = await invitee.send(
    new CreateMembershipCommand({ collaborationIdentifier: id, queryLogStatus: 'DISABLED' }),
  );
  inviteeMembershipId = membership?.id as string;
  clock += 60;
});

const update = (input: Omit<UpdateCollaborationCommandInput, 'collaborationIdentifier'>) =>
  creator.send(new UpdateCollaborationCommand({ collaborationIdentifier: id, ...input }));

async function current(client = creator) {
  const { collaboration } = await client.send(
    new GetCollaborationCommand({ collaborationIdentifier: id }),
  );
  return collaboration;
}

describe('UpdateCollaboration', () => {
  it('answers 200 with the whole collaboration, the new name and description and a new updateTime', async () => {
    const before = await current();
    const out = await update({ name: 'Retail measurement 2027', description: 'Second season' });
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(out.collaboration).toEqual({
      ...before,
      name: 'Retail measurement 2027',
      description: 'Second season',
      updateTime: new Date((1_700_000_000 + 60) * 1000),
    });
    expect(expectDate(out.collaboration?.createTime).getTime()).toBe(1_700_000_000_000);
    // What GetCollaboration answers from now on, for the creator as for the member.
    expect(await current()).toEqual(out.collaboration);
    expect(await current(invitee)).toMatchObject({
      name: 'Retail measurement 2027',
      description: 'Second season',
      memberStatus: 'ACTIVE',
    });
  });

  it('changes only the members it is sent (PATCH), and the engine too', async () => {
    const before = await current();
    const described = await update({ description: 'Only this changes' });
    expect(described.collaboration).toMatchObject({
      name: 'Retail measurement',
      description: 'Only this changes',
      analyticsEngine: 'SPARK',
    });
    clock += 1;
    const engine = await update({ analyticsEngine: 'CLEAN_ROOMS_SQL' });
    expect(engine.collaboration).toEqual({
      ...before,
      description: 'Only this changes',
      analyticsEngine: 'CLEAN_ROOMS_SQL',
      updateTime: new Date((1_700_000_000 + 61) * 1000),
    });
  });

  it('sends a PATCH with the JSON members; an empty body changes nothing but updateTime', async () => {
    const response = await rawRequest(running.url, {
      method: 'PATCH',
      path: `/collaborations/${id}`,
      headers: { authorization: authorizationFor(CREATOR), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const { collaboration } = JSON.parse(response.text) as {
      collaboration: { name: string; updateTime: number; createTime: number };
    };
    expect(collaboration).toMatchObject({
      name: 'Retail measurement',
      createTime: 1_700_000_000,
      updateTime: 1_700_000_060,
    });
  });

  it('shows the new name wherever the collaboration is named: lists and the members’ memberships', async () => {
    await update({ name: 'Renamed' });
    const listed = await creator.send(new ListCollaborationsCommand({}));
    expect(listed.collaborationList?.map((c) => [c.id, c.name])).toEqual([[id, 'Renamed']]);
    const { membership } = await invitee.send(
      new GetMembershipCommand({ membershipIdentifier: inviteeMembershipId }),
    );
    expect(membership?.collaborationName).toBe('Renamed');
    // The membership itself did not change.
    expect(membership?.updateTime).toEqual(membership?.createTime);
    const memberships = await invitee.send(new ListMembershipsCommand({}));
    expect(memberships.membershipSummaries?.map((m) => m.collaborationName)).toEqual(['Renamed']);
  });

  it('accepts what the unanchored patterns allow: an empty description, a name with a newline', async () => {
    const out = await update({ description: '', name: 'two\nlines' });
    expect(out.collaboration).toMatchObject({ description: '', name: 'two\nlines' });
  });

  it('is counted in the stats like every operation', async () => {
    await resetEmulator(running.url);
    await expectAwsError(update({ name: 'x' }), AccessDeniedException, 403);
    const stats = await getStats(running.url);
    expect(stats.calls).toEqual({ UpdateCollaboration: 1 });
    expect(stats.errors).toEqual({ AccessDeniedException: 1 });
  });
});

describe('who may update', () => {
  it('refuses a member that is not the creator (AccessDenied) and changes nothing', async () => {
    const before = await current();
    const error = await expectAwsError(
      invitee.send(new UpdateCollaborationCommand({ collaborationIdentifier: id, name: 'Mine' })),
      AccessDeniedException,
      403,
    );
    expect(error.reason).toBe('INSUFFICIENT_PERMISSIONS');
    expect(error.message).toMatch(/creator/);
    expect(await current()).toEqual(before);
  });

  it('refuses accounts outside the collaboration and unknown ids alike (AccessDenied, not NotFound)', async () => {
    await expectAwsError(
      outsider.send(new UpdateCollaborationCommand({ collaborationIdentifier: id, name: 'x' })),
      AccessDeniedException,
      403,
    );
    await expectAwsError(
      creator.send(
        new UpdateCollaborationCommand({
          collaborationIdentifier: '00000000-0000-4000-8000-000000000000',
          name: 'x',
        }),
      ),
      AccessDeniedException,
      403,
    );
    expect((await current())?.name).toBe('Retail measurement');
  });

  it('treats a deleted collaboration as gone: AccessDenied, as Get and a second Delete answer', async () => {
    await creator.send(new DeleteCollaborationCommand({ collaborationIdentifier: id }));
    await expectAwsError(update({ name: 'Too late' }), AccessDeniedException, 403);
    const { membership } = await invitee.send(
      new GetMembershipCommand({ membershipIdentifier: inviteeMembershipId }),
    );
    expect(membership).toMatchObject({
      status: 'COLLABORATION_DELETED',
      collaborationName: 'Retail measurement',
    });
  });
});

describe('bad input', () => {
  const PATTERN = /regular expression pattern/;
  it.each<
    [string, Omit<UpdateCollaborationCommandInput, 'collaborationIdentifier'>, string, RegExp]
  >([
    ['an empty name', { name: '' }, 'name', /length greater than or equal to 1/],
    ['a blank name', { name: '   ' }, 'name', PATTERN],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, 'name', /less than or equal to 100/],
    ['a name of tabs and spaces', { name: '\t \t' }, 'name', PATTERN],
    [
      'a description of 256 characters',
      { description: 'd'.repeat(256) },
      'description',
      /less than or equal to 255/,
    ],
    [
      'an unknown engine',
      { analyticsEngine: 'PRESTO' as AnalyticsEngine },
      'analyticsEngine',
      /enum value set: \[SPARK, CLEAN_ROOMS_SQL\]/,
    ],
  ])(
    'refuses %s with ValidationException and changes nothing',
    async (_, input, field, message) => {
      const before = await current();
      const error = await expectAwsError(update(input), ValidationException, 400);
      expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
      expect(error.fieldList).toEqual([{ name: field, message: expect.stringMatching(message) }]);
      expect(await current()).toEqual(before);
    },
  );

  it('validates before it checks who is asking, and lists every bad member', async () => {
    const error = await expectAwsError(
      outsider.send(
        new UpdateCollaborationCommand({
          collaborationIdentifier: id.toUpperCase(),
          name: '',
          description: 'd'.repeat(300),
        }),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList?.map((f) => f.name)).toEqual([
      'collaborationIdentifier',
      'name',
      'description',
    ]);
    expect((await current())?.name).toBe('Retail measurement');
  });

  it('answers a body that is not JSON with SerializationException and changes nothing', async () => {
    const before = await current();
    const response = await rawRequest(running.url, {
      method: 'PATCH',
      path: `/collaborations/${id}`,
      headers: { authorization: authorizationFor(CREATOR), 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(await current()).toEqual(before);
  });
});
