/**
 * Embedded mode: the SDK with the in-process request handler (no socket) must behave exactly as
 * against the standalone HTTP server. One scenario — the whole collaboration/membership
 * lifecycle with tags, paging, errors and a retried fault — runs on both transports; the
 * transcripts (outputs with ids replaced by placeholders, exception classes and fields, call
 * counts) must be identical.
 */
import {
  CleanRoomsClient,
  CleanRoomsServiceException,
  ConflictException,
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
  TagResourceCommand,
  UntagResourceCommand,
  UpdateMembershipCommand,
  ValidationException,
  AccessDeniedException,
  ServiceQuotaExceededException,
  InternalServerException,
} from '@aws-sdk/client-cleanrooms';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import type { FaultRule } from '../../../src/emulator/faults';
import { startEmulatorServer } from '../../../src/emulator/http-server';
import { addFault, getStats } from '../../helpers/emulator-admin';
import { collaborationInput, member, UUID } from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, inProcessClient } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: MEMBER, outsider: OUTSIDER } = ACCOUNTS;
const REGION = 'eu-west-1';

/**
 * An emulator whose clock ticks one second per read: in-process calls can share a millisecond,
 * and equal createTimes would order list results by random id, differently on each transport.
 */
function steadyEmulator(): CleanRoomsEmulator {
  let now = 1_767_605_400;
  return new CleanRoomsEmulator({ now: () => (now += 1) });
}

interface Transport {
  client(accountId: string, maxAttempts?: number): CleanRoomsClient;
  addFault(rule: FaultRule): Promise<void>;
  calls(): Promise<Record<string, number>>;
}

type Step = { step: string } & ({ output: unknown } | { error: Record<string, unknown> });

/** Replaces UUIDs with stable placeholders and Dates with a marker (after checking them). */
function normalizer() {
  const ids = new Map<string, string>();
  const placeholder = (id: string) => {
    if (!ids.has(id)) ids.set(id, `<id${ids.size + 1}>`);
    return ids.get(id) as string;
  };
  const walk = (value: unknown): unknown => {
    if (value instanceof Date) {
      expect(Number.isNaN(value.getTime())).toBe(false);
      return '<date>';
    }
    if (typeof value === 'string') {
      return value.replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        placeholder,
      );
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== '$metadata' && k !== 'nextToken')
          .map(([k, v]) => [k, walk(v)]),
      );
    }
    return value;
  };
  return walk;
}

async function runScenario(transport: Transport): Promise<Step[]> {
  const normalize = normalizer();
  const creator = transport.client(CREATOR);
  const memberClient = transport.client(MEMBER);
  const outsider = transport.client(OUTSIDER);
  const retrying = transport.client(MEMBER, 3);
  const steps: Step[] = [];

  async function record<T extends { $metadata: { httpStatusCode?: number; requestId?: string } }>(
    step: string,
    call: Promise<T>,
  ): Promise<T | undefined> {
    try {
      const output = await call;
      expect(output.$metadata.requestId).toMatch(UUID);
      steps.push({
        step,
        output: {
          status: output.$metadata.httpStatusCode,
          hasNextToken: 'nextToken' in output && output.nextToken !== undefined,
          body: normalize(output),
        },
      });
      return output;
    } catch (error) {
      if (!(error instanceof CleanRoomsServiceException)) throw error;
      expect(error.$metadata.requestId).toMatch(UUID);
      const {
        $metadata,
        $response: _r,
        message,
        ...fields
      } = error as CleanRoomsServiceException & {
        $response?: unknown;
      };
      steps.push({
        step,
        error: {
          class: error.constructor.name,
          name: error.name,
          status: $metadata.httpStatusCode,
          attempts: $metadata.attempts,
          message: normalize(message),
          fields: normalize({ ...fields }),
        },
      });
      return undefined;
    }
  }

  const created = await record(
    'CreateCollaboration',
    creator.send(
      new CreateCollaborationCommand(
        collaborationInput({
          name: 'Lifecycle',
          creatorMemberAbilities: ['CAN_QUERY'],
          members: [
            member(MEMBER, {
              displayName: 'Contoso',
              memberAbilities: ['CAN_RECEIVE_RESULTS'],
              mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
            }),
          ],
          tags: { env: 'test' },
        }),
      ),
    ),
  );
  const collaborationIdentifier = created?.collaboration?.id as string;
  await record(
    'GetCollaboration (invited)',
    memberClient.send(new GetCollaborationCommand({ collaborationIdentifier })),
  );
  await record('ListMembers', creator.send(new ListMembersCommand({ collaborationIdentifier })));
  const joined = await record(
    'CreateMembership',
    memberClient.send(
      new CreateMembershipCommand({
        collaborationIdentifier,
        queryLogStatus: 'ENABLED',
        defaultResultConfiguration: {
          outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'contoso-results' } },
        },
        tags: { team: 'ads' },
      }),
    ),
  );
  const membershipIdentifier = joined?.membership?.id as string;
  const resourceArn = joined?.membership?.arn as string;
  await record(
    'CreateMembership again',
    memberClient.send(
      new CreateMembershipCommand({ collaborationIdentifier, queryLogStatus: 'DISABLED' }),
    ),
  );
  await record(
    'GetMembership',
    memberClient.send(new GetMembershipCommand({ membershipIdentifier })),
  );
  await record(
    'UpdateMembership',
    memberClient.send(
      new UpdateMembershipCommand({ membershipIdentifier, jobLogStatus: 'ENABLED' }),
    ),
  );
  await record(
    'ListMemberships',
    memberClient.send(new ListMembershipsCommand({ status: 'ACTIVE' })),
  );
  await record(
    'TagResource',
    memberClient.send(new TagResourceCommand({ resourceArn, tags: { 'a b': '1', 'x&y/z': '2' } })),
  );
  await record(
    'UntagResource',
    memberClient.send(new UntagResourceCommand({ resourceArn, tagKeys: ['a b', 'team'] })),
  );
  await record(
    'ListTagsForResource',
    memberClient.send(new ListTagsForResourceCommand({ resourceArn })),
  );
  await record(
    'TagResource aws:',
    memberClient.send(new TagResourceCommand({ resourceArn, tags: { 'aws:x': '1' } })),
  );
  await record(
    'GetCollaboration (outsider)',
    outsider.send(new GetCollaborationCommand({ collaborationIdentifier })),
  );
  await record(
    'GetMembership (outsider)',
    outsider.send(new GetMembershipCommand({ membershipIdentifier })),
  );
  await record(
    'GetMembership (invalid id)',
    memberClient.send(new GetMembershipCommand({ membershipIdentifier: 'nope' })),
  );
  await record(
    'CreateCollaboration (6 members)',
    creator.send(
      new CreateCollaborationCommand(
        collaborationInput({
          members: ['1', '2', '3', '4', '5', '6'].map((n) => member(`90000000000${n}`)),
        }),
      ),
    ),
  );

  await transport.addFault({
    operation: 'ListMemberships',
    errorType: 'InternalServerException',
    times: 2,
  });
  await record(
    'ListMemberships (2 faults, 3 attempts)',
    retrying.send(new ListMembershipsCommand({})),
  );
  await transport.addFault({
    operation: 'GetMembership',
    errorType: 'InternalServerException',
    times: 3,
  });
  await record(
    'GetMembership (fault, 3 attempts)',
    retrying.send(new GetMembershipCommand({ membershipIdentifier })),
  );

  for (let i = 0; i < 3; i++) {
    await record(
      `CreateCollaboration ${i}`,
      creator.send(new CreateCollaborationCommand(collaborationInput({ name: `page ${i}` }))),
    );
  }
  let nextToken: string | undefined;
  let page = 0;
  do {
    const out = await record(
      `ListCollaborations page ${page++}`,
      creator.send(new ListCollaborationsCommand({ maxResults: 2, nextToken })),
    );
    nextToken = out?.nextToken;
  } while (nextToken);

  await record(
    'DeleteMembership',
    memberClient.send(new DeleteMembershipCommand({ membershipIdentifier })),
  );
  await record(
    'GetMembership (deleted)',
    memberClient.send(new GetMembershipCommand({ membershipIdentifier })),
  );
  await record(
    'ListMembers (left)',
    creator.send(new ListMembersCommand({ collaborationIdentifier })),
  );
  await record(
    'CreateMembership (rejoin)',
    memberClient.send(
      new CreateMembershipCommand({ collaborationIdentifier, queryLogStatus: 'DISABLED' }),
    ),
  );
  await record(
    'DeleteCollaboration',
    creator.send(new DeleteCollaborationCommand({ collaborationIdentifier })),
  );
  await record(
    'GetCollaboration (deleted)',
    creator.send(new GetCollaborationCommand({ collaborationIdentifier })),
  );

  steps.push({ step: 'calls', output: await transport.calls() });
  for (const client of [creator, memberClient, outsider, retrying]) client.destroy();
  return steps;
}

describe('in-process mode', () => {
  let http: Step[];
  let inProcess: Step[];

  beforeAll(async () => {
    const running = await startEmulatorServer({ port: 0, emulator: steadyEmulator() });
    try {
      http = await runScenario({
        client: (accountId, maxAttempts) =>
          httpClient(running.url, accountId, { region: REGION, maxAttempts }),
        addFault: (rule) => addFault(running.url, rule),
        calls: async () => (await getStats(running.url)).calls,
      });
    } finally {
      await running.close();
    }
    const emulator = steadyEmulator();
    inProcess = await runScenario({
      client: (accountId, maxAttempts) =>
        inProcessClient(emulator, accountId, { region: REGION, maxAttempts }),
      addFault: async (rule) => emulator.faults.add(rule),
      calls: async () => emulator.stats.snapshot().calls,
    });
  });

  it('gives the same outputs, exception classes, fields and call counts as the HTTP server', () => {
    expect(inProcess.map((s) => s.step)).toEqual(http.map((s) => s.step));
    for (let i = 0; i < http.length; i++) expect(inProcess[i]).toEqual(http[i]);
  });

  it('goes through the real SDK deserializers: Dates, ARNs, unions, 204s', () => {
    const byStep = new Map(inProcess.map((s) => [s.step, s]));
    expect(byStep.get('CreateCollaboration')).toEqual({
      step: 'CreateCollaboration',
      output: {
        status: 200,
        hasNextToken: false,
        body: {
          collaboration: expect.objectContaining({
            id: '<id1>',
            arn: `arn:aws:cleanrooms:${REGION}:${CREATOR}:collaboration/<id1>`,
            createTime: '<date>',
            memberStatus: 'INVITED',
          }),
        },
      },
    });
    expect(byStep.get('CreateMembership')).toMatchObject({
      output: {
        body: {
          membership: {
            arn: `arn:aws:cleanrooms:${REGION}:${MEMBER}:membership/<id2>`,
            defaultResultConfiguration: {
              outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'contoso-results' } },
            },
          },
        },
      },
    });
    expect(byStep.get('ListTagsForResource')).toMatchObject({
      output: { body: { tags: { 'x&y/z': '2' } } },
    });
    expect(byStep.get('DeleteMembership')).toEqual({
      step: 'DeleteMembership',
      output: { status: 204, hasNextToken: false, body: {} },
    });
    expect(byStep.get('DeleteCollaboration')).toMatchObject({ output: { status: 204 } });
  });

  it('raises the same exception classes with their fields', () => {
    const errors = Object.fromEntries(
      inProcess.flatMap((s) => ('error' in s ? [[s.step, s.error]] : [])),
    );
    expect(errors).toEqual({
      'CreateMembership again': expect.objectContaining({
        class: ConflictException.name,
        status: 409,
        fields: expect.objectContaining({ reason: 'ALREADY_EXISTS', resourceId: '<id2>' }),
      }),
      'TagResource aws:': expect.objectContaining({ class: ValidationException.name, status: 400 }),
      'GetCollaboration (outsider)': expect.objectContaining({
        class: AccessDeniedException.name,
        status: 403,
      }),
      'GetMembership (outsider)': expect.objectContaining({
        class: ResourceNotFoundException.name,
        status: 404,
        fields: expect.objectContaining({ resourceId: '<id2>', resourceType: 'MEMBERSHIP' }),
      }),
      'GetMembership (invalid id)': expect.objectContaining({
        class: ValidationException.name,
        fields: expect.objectContaining({ reason: 'FIELD_VALIDATION_FAILED' }),
      }),
      'CreateCollaboration (6 members)': expect.objectContaining({
        class: ServiceQuotaExceededException.name,
        status: 402,
        fields: expect.objectContaining({ quotaValue: 5 }),
      }),
      'GetMembership (fault, 3 attempts)': expect.objectContaining({
        class: InternalServerException.name,
        status: 500,
        attempts: 3,
      }),
      'GetMembership (deleted)': expect.objectContaining({ class: ResourceNotFoundException.name }),
      'CreateMembership (rejoin)': expect.objectContaining({
        class: ConflictException.name,
        fields: expect.objectContaining({ reason: 'INVALID_STATE' }),
      }),
      'GetCollaboration (deleted)': expect.objectContaining({ class: AccessDeniedException.name }),
    });
  });

  it('counts SDK retries the same way', () => {
    const calls = inProcess.find((s) => s.step === 'calls') as { output: Record<string, number> };
    // 1 ListMemberships before the fault + 3 attempts; 4 GetMembership + 3 attempts.
    expect(calls.output).toMatchObject({
      ListMemberships: 4,
      GetMembership: 7,
      ListCollaborations: 2,
    });
  });
});
