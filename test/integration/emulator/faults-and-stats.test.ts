/**
 * The emulator's admin endpoints: per-operation call counts (`GET /_emulator/stats`), fault
 * injection (`POST|GET|DELETE /_emulator/faults`) and reset (`POST /_emulator/reset`), driven
 * with the real SDK, including its retries (every SDK attempt is a request of its own).
 * Injected latency goes through an injected sleep, so the tests see what was waited for (and
 * decide when the wait ends) instead of measuring time.
 */
import {
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  InternalServerException,
  ListCollaborationsCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-cleanrooms';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import type { Sleep } from '../../../src/emulator/faults';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
import {
  addFault,
  clearFaults,
  getStats,
  rawRequest,
  resetEmulator,
} from '../../helpers/emulator-admin';
import { collaborationInput, expectAwsError, member, UUID } from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, startEmulator } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: MEMBER } = ACCOUNTS;

let running: RunningEmulator;
let creator: CleanRoomsClient;
let memberClient: CleanRoomsClient;
/** Same account, but with the SDK's default of 3 attempts. */
let retrying: CleanRoomsClient;

/** Every latency the emulator was asked to wait, in order. */
let waits: number[];
/** What a wait does; by default it ends at once. */
let sleeper: Sleep;

beforeAll(async () => {
  const emulator = new CleanRoomsEmulator({
    sleep: (ms) => {
      waits.push(ms);
      return sleeper(ms);
    },
  });
  running = await startEmulatorServer({ port: 0, emulator });
  creator = httpClient(running.url, CREATOR);
  memberClient = httpClient(running.url, MEMBER);
  retrying = httpClient(running.url, MEMBER, { maxAttempts: 3 });
});

afterAll(async () => {
  for (const client of [creator, memberClient, retrying]) client.destroy();
  await running.close();
});

beforeEach(async () => {
  waits = [];
  sleeper = async () => {};
  await resetEmulator(running.url);
});

/**
 * A sleep that holds every waiting request until `release()`; `arrived(n)` resolves once n
 * requests are waiting, so tests know exactly how many are in flight.
 */
function gate() {
  const held: Array<() => void> = [];
  const watchers: Array<{ n: number; resolve: () => void }> = [];
  const sleep: Sleep = () =>
    new Promise<void>((resolve) => {
      held.push(resolve);
      for (const w of watchers.filter((w) => held.length >= w.n)) w.resolve();
    });
  return {
    sleep,
    arrived: (n: number) =>
      new Promise<void>((resolve) => {
        if (held.length >= n) resolve();
        else watchers.push({ n, resolve });
      }),
    release: () => held.splice(0).forEach((resolve) => resolve()),
  };
}

const UNKNOWN_MEMBERSHIP = '00000000-0000-4000-8000-000000000000';
const ZERO_STATS = { calls: {}, total: 0, errors: {}, throttled: {}, peakInFlight: 0 };

async function invitedCollaboration(): Promise<string> {
  const { collaboration } = await creator.send(
    new CreateCollaborationCommand(collaborationInput({ members: [member(MEMBER)] })),
  );
  return collaboration?.id as string;
}

async function postFaults(body: unknown) {
  return fetch(`${running.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('GET /_emulator/stats', () => {
  it('starts at zero and counts every API request by operation, failures included, but not admin calls', async () => {
    expect(await getStats(running.url)).toEqual(ZERO_STATS);
    const collaborationId = await invitedCollaboration();
    await memberClient.send(new ListMembershipsCommand({}));
    await memberClient.send(new ListMembershipsCommand({ maxResults: 5 }));
    await expectAwsError(
      memberClient.send(
        new GetMembershipCommand({ membershipIdentifier: '00000000-0000-4000-8000-000000000000' }),
      ),
      ResourceNotFoundException,
      404,
    );
    await expectAwsError(
      memberClient.send(new ListMembershipsCommand({ maxResults: 0 })),
      ValidationException,
      400,
    );
    await memberClient.send(new ListMembersCommand({ collaborationIdentifier: collaborationId }));
    await getStats(running.url);

    expect(await getStats(running.url)).toEqual({
      calls: { CreateCollaboration: 1, ListMemberships: 3, GetMembership: 1, ListMembers: 1 },
      total: 6,
      errors: { ResourceNotFoundException: 1, ValidationException: 1 },
      throttled: {},
      // One call after the other: never two at once.
      peakInFlight: 1,
    });
  });

  it('counts neither admin requests nor their errors', async () => {
    await postFaults({ errorType: 'TeapotException' });
    await fetch(`${running.url}/_emulator/nothing`);
    await getStats(running.url);
    expect(await getStats(running.url)).toMatchObject({ total: 0, errors: {}, peakInFlight: 0 });
  });

  it('reports in peakInFlight how many API requests were served at once, admin requests aside', async () => {
    const held = gate();
    sleeper = held.sleep;
    await addFault(running.url, { latencyMs: 25 });
    const calls = [
      memberClient.send(new ListMembershipsCommand({})),
      memberClient.send(new ListMembershipsCommand({ maxResults: 2 })),
      creator.send(new ListCollaborationsCommand({})),
      creator.send(new GetMembershipCommand({ membershipIdentifier: UNKNOWN_MEMBERSHIP })),
    ];
    await held.arrived(4);
    // Read while all four are held: the stats request itself is not counted.
    expect((await getStats(running.url)).peakInFlight).toBe(4);
    held.release();
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect(waits).toEqual([25, 25, 25, 25]);

    await clearFaults(running.url);
    await memberClient.send(new ListMembershipsCommand({}));
    expect((await getStats(running.url)).peakInFlight).toBe(4);
    await resetEmulator(running.url);
    expect((await getStats(running.url)).peakInFlight).toBe(0);
    for (let i = 0; i < 3; i++) await memberClient.send(new ListMembershipsCommand({}));
    expect((await getStats(running.url)).peakInFlight).toBe(1);
  });

  it('does not count requests that match no operation', async () => {
    const response = await rawRequest(running.url, { method: 'GET', path: '/nothing/here' });
    expect(response.status).toBe(404);
    expect((await getStats(running.url)).calls).toEqual({});
  });
});

describe('POST /_emulator/faults', () => {
  it('counts each SDK retry: a 500 fault with maxAttempts 3 makes 3 requests', async () => {
    await addFault(running.url, {
      operation: 'ListMemberships',
      errorType: 'InternalServerException',
    });
    const error = await expectAwsError(
      retrying.send(new ListMembershipsCommand({})),
      InternalServerException,
      500,
    );
    expect(error.$metadata.attempts).toBe(3);
    const stats = await getStats(running.url);
    expect(stats.calls).toEqual({ ListMemberships: 3 });
    expect(stats.errors).toEqual({ InternalServerException: 3 });
  });

  it('stops after `times` errors, so a retrying client succeeds on its third attempt', async () => {
    await addFault(running.url, {
      operation: 'ListMemberships',
      errorType: 'InternalServerException',
      times: 2,
    });
    const out = await retrying.send(new ListMembershipsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.attempts).toBe(3);
    expect((await getStats(running.url)).calls).toEqual({ ListMemberships: 3 });
    // The rule is spent: later calls succeed at once.
    const later = await retrying.send(new ListMembershipsCommand({}));
    expect(later.$metadata.attempts).toBe(1);
  });

  it('never creates a membership on a faulted CreateMembership, however often the SDK retries', async () => {
    const collaborationId = await invitedCollaboration();
    await addFault(running.url, {
      operation: 'CreateMembership',
      errorType: 'InternalServerException',
    });
    const error = await expectAwsError(
      retrying.send(
        new CreateMembershipCommand({
          collaborationIdentifier: collaborationId,
          queryLogStatus: 'DISABLED',
        }),
      ),
      InternalServerException,
      500,
    );
    expect(error.$metadata.attempts).toBe(3);
    expect((await getStats(running.url)).calls.CreateMembership).toBe(3);
    expect((await memberClient.send(new ListMembershipsCommand({}))).membershipSummaries).toEqual(
      [],
    );
    const { memberSummaries } = await creator.send(
      new ListMembersCommand({ collaborationIdentifier: collaborationId }),
    );
    expect(memberSummaries?.find((m) => m.accountId === MEMBER)?.status).toBe('INVITED');

    // With the fault firing twice, the third attempt creates exactly one membership.
    await clearFaults(running.url);
    await addFault(running.url, {
      operation: 'CreateMembership',
      errorType: 'InternalServerException',
      times: 2,
    });
    const out = await retrying.send(
      new CreateMembershipCommand({
        collaborationIdentifier: collaborationId,
        queryLogStatus: 'DISABLED',
      }),
    );
    expect(out.$metadata.attempts).toBe(3);
    const { membershipSummaries } = await memberClient.send(new ListMembershipsCommand({}));
    expect(membershipSummaries?.map((m) => m.id)).toEqual([out.membership?.id]);
  });

  it('answers ThrottlingException with 429 and only on the chosen operation', async () => {
    await addFault(running.url, {
      operation: 'GetCollaboration',
      errorType: 'ThrottlingException',
    });
    const collaborationId = await invitedCollaboration();
    await expectAwsError(
      memberClient.send(new GetCollaborationCommand({ collaborationIdentifier: collaborationId })),
      ThrottlingException,
      429,
    );
    const members = await memberClient.send(
      new ListMembersCommand({ collaborationIdentifier: collaborationId }),
    );
    expect(members.memberSummaries).toHaveLength(2);
  });

  it('applies a rule without operation to every operation', async () => {
    await addFault(running.url, { errorType: 'InternalServerException', times: 2 });
    await expectAwsError(
      creator.send(new CreateCollaborationCommand(collaborationInput())),
      InternalServerException,
      500,
    );
    await expectAwsError(
      memberClient.send(new ListMembershipsCommand({})),
      InternalServerException,
      500,
    );
    expect((await memberClient.send(new ListMembershipsCommand({}))).membershipSummaries).toEqual(
      [],
    );
    expect((await getStats(running.url)).calls).toEqual({
      CreateCollaboration: 1,
      ListMemberships: 2,
    });
  });

  it('never fires with errorRate 0', async () => {
    await addFault(running.url, {
      operation: 'ListMemberships',
      errorType: 'InternalServerException',
      errorRate: 0,
    });
    for (let i = 0; i < 5; i++) {
      const out = await memberClient.send(new ListMembershipsCommand({}));
      expect(out.$metadata.httpStatusCode).toBe(200);
    }
  });

  it('holds the chosen operation for latencyMs before answering', async () => {
    const held = gate();
    sleeper = held.sleep;
    await addFault(running.url, { operation: 'ListMemberships', latencyMs: 80 });
    let answered = false;
    const call = memberClient.send(new ListMembershipsCommand({})).finally(() => {
      answered = true;
    });
    await held.arrived(1);
    expect(waits).toEqual([80]);
    // Other operations are not delayed while this one waits.
    await creator.send(new ListCollaborationsCommand({}));
    expect(answered).toBe(false);
    held.release();
    expect((await call).$metadata.httpStatusCode).toBe(200);
    expect(waits).toEqual([80]);
  });

  it('adds up the latency of every matching rule, then answers the error', async () => {
    await addFault(running.url, { latencyMs: 20 });
    await addFault(running.url, {
      operation: 'ListMemberships',
      latencyMs: 50,
      errorType: 'ThrottlingException',
    });
    await expectAwsError(
      memberClient.send(new ListMembershipsCommand({})),
      ThrottlingException,
      429,
    );
    expect(waits).toEqual([70]);
  });

  it('waits on a real timer by default (smoke test over a socket)', async () => {
    const real = await startEmulator();
    const client = httpClient(real.url, MEMBER);
    try {
      await addFault(real.url, { operation: 'ListMemberships', latencyMs: 15 });
      const out = await client.send(new ListMembershipsCommand({}));
      expect(out.$metadata.httpStatusCode).toBe(200);
      expect(out.membershipSummaries).toEqual([]);
      expect((await getStats(real.url)).calls).toEqual({ ListMemberships: 1 });
    } finally {
      client.destroy();
      await real.close();
    }
  });

  it('lists the active rules, and DELETE removes them', async () => {
    const rule = { operation: 'GetMembership', errorType: 'ThrottlingException', errorRate: 0.5 };
    const added = await postFaults(rule);
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ faults: [rule] });
    const listed = await fetch(`${running.url}/_emulator/faults`);
    expect(await listed.json()).toEqual({ faults: [rule] });

    await addFault(running.url, {
      operation: 'ListMemberships',
      errorType: 'InternalServerException',
    });
    const cleared = await fetch(`${running.url}/_emulator/faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ faults: [] });
    const out = await memberClient.send(new ListMembershipsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it.each([
    ['an unknown operation', { operation: 'DescribeEverything' }],
    ['an unknown error type', { errorType: 'TeapotException' }],
    ['an error rate above 1', { errorRate: 1.5 }],
    ['a negative latency', { latencyMs: -5 }],
    ['times of 0', { times: 0, errorType: 'ThrottlingException' }],
    ['a non-object body', ['ThrottlingException']],
  ])('refuses %s with a 400 JSON ValidationException and adds nothing', async (_what, body) => {
    const response = await postFaults(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toEqual({
      message: expect.any(String),
      reason: 'FIELD_VALIDATION_FAILED',
    });
    const listed = await fetch(`${running.url}/_emulator/faults`);
    expect(await listed.json()).toEqual({ faults: [] });
  });
});

describe('names inherited from Object.prototype', () => {
  // An `in` check or a plain-object lookup would take these for known names.
  const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

  it.each(INHERITED)(
    'refuses %s as errorType or operation, and the API keeps working',
    async (name) => {
      for (const body of [
        { errorType: name },
        { operation: name, errorType: 'ThrottlingException' },
      ]) {
        const response = await postFaults(body);
        expect(response.status).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
      }
      expect(await (await fetch(`${running.url}/_emulator/faults`)).json()).toEqual({ faults: [] });
      const out = await memberClient.send(new ListMembershipsCommand({}));
      expect(out.$metadata.httpStatusCode).toBe(200);
    },
  );
});

describe('POST /_emulator/reset', () => {
  it('clears state, counters and faults', async () => {
    await invitedCollaboration();
    await addFault(running.url, { operation: 'ListMemberships', errorType: 'ThrottlingException' });
    expect((await getStats(running.url)).total).toBe(1);

    const response = await fetch(`${running.url}/_emulator/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(await getStats(running.url)).toEqual(ZERO_STATS);
    const { collaborationList } = await creator.send(new ListCollaborationsCommand({}));
    expect(collaborationList).toEqual([]);
    // The fault is gone too.
    expect((await memberClient.send(new ListMembershipsCommand({}))).$metadata.attempts).toBe(1);
  });

  it('reloads the demo data with {"seed": true}, and drops it again without', async () => {
    const acme = httpClient(running.url, DEMO_ACCOUNTS.acme);
    try {
      await resetEmulator(running.url, true);
      const { membership } = await acme.send(
        new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
      );
      expect(membership).toMatchObject({
        id: DEMO_IDS.acmeRetailMembership,
        collaborationId: DEMO_IDS.retailMeasurement,
        status: 'ACTIVE',
      });
      const { membershipSummaries } = await acme.send(new ListMembershipsCommand({}));
      expect(new Set(membershipSummaries?.map((m) => m.status))).toEqual(
        new Set(['ACTIVE', 'REMOVED', 'COLLABORATION_DELETED']),
      );
      // Loading the seed is not counted as API calls.
      expect((await getStats(running.url)).calls).toEqual({
        GetMembership: 1,
        ListMemberships: 1,
      });

      await resetEmulator(running.url);
      await expectAwsError(
        acme.send(
          new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
        ),
        ResourceNotFoundException,
        404,
      );
    } finally {
      acme.destroy();
    }
  });

  it('refuses a body that is not JSON and keeps the state', async () => {
    await invitedCollaboration();
    const response = await fetch(`${running.url}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{seed:',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect((await getStats(running.url)).calls).toEqual({ CreateCollaboration: 1 });
  });
});
