/**
 * Request-rate quotas through `/_emulator/quotas` and the real SDK: a request over the quota gets
 * AWS's ThrottlingException (429, "Rate exceeded") before anything else happens — before faults,
 * before its input is read, before any state change — and is counted in stats. The rates are
 * tiny (one token per ~17 minutes), so no refill can happen while a test runs.
 */
import {
  CleanRoomsClient,
  CreateCollaborationCommand,
  GetMembershipCommand,
  InternalServerException,
  ListCollaborationsCommand,
  ListMembershipsCommand,
  ThrottlingException,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import {
  addFault,
  authorizationFor,
  getStats,
  rawRequest,
  resetEmulator,
} from '../../helpers/emulator-admin';
import { collaborationInput, expectAwsError, UUID } from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, startEmulator } from '../../helpers/sdk';

const { northwind: ACCOUNT, contoso: OTHER } = ACCOUNTS;
const SLOW = 0.001;
const UUID_OF_NOTHING = '00000000-0000-4000-8000-000000000000';

let running: RunningEmulator;
let client: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator();
  client = httpClient(running.url, ACCOUNT);
});

afterAll(async () => {
  client.destroy();
  await running.close();
});

beforeEach(() => resetEmulator(running.url));

function quotas(method: 'GET' | 'POST' | 'DELETE', body?: unknown) {
  return fetch(`${running.url}/_emulator/quotas`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function addQuota(body: unknown): Promise<void> {
  const response = await quotas('POST', body);
  expect(response.status).toBe(200);
}

/** Sends `n` requests one after the other; returns how many were throttled. */
async function throttledOf(n: number, send: () => Promise<unknown>): Promise<number> {
  let throttled = 0;
  for (let i = 0; i < n; i++) {
    try {
      await send();
    } catch (error) {
      if (!(error instanceof ThrottlingException)) throw error;
      throttled++;
    }
  }
  return throttled;
}

const listMemberships =
  (c: CleanRoomsClient = client) =>
  () =>
    c.send(new ListMembershipsCommand({}));

describe('POST /_emulator/quotas', () => {
  it('admits `burst` requests, then answers ThrottlingException: 429, "Rate exceeded", a request id', async () => {
    await addQuota({ operation: 'ListMemberships', ratePerSecond: SLOW, burst: 3 });
    expect(await throttledOf(3, listMemberships())).toBe(0);
    const error = await expectAwsError(
      client.send(new ListMembershipsCommand({})),
      ThrottlingException,
      429,
    );
    expect(error.message).toBe('Rate exceeded');
    expect(error.$fault).toBe('client');
    // Other operations have no quota.
    expect(await throttledOf(5, () => client.send(new ListCollaborationsCommand({})))).toBe(0);
  });

  it('puts the error type in x-amzn-ErrorType and the JSON body on the wire', async () => {
    await addQuota({ ratePerSecond: SLOW, burst: 1 });
    const send = () =>
      rawRequest(running.url, {
        method: 'GET',
        path: '/memberships',
        headers: { authorization: authorizationFor(ACCOUNT) },
      });
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(refused.headers['x-amzn-requestid']).toMatch(UUID);
    expect(refused.headers['content-type']).toBe('application/json');
    expect(JSON.parse(refused.text)).toEqual({ message: 'Rate exceeded' });
  });

  it('meters each account, region and operation on its own bucket', async () => {
    await addQuota({ ratePerSecond: SLOW, burst: 2 });
    const other = httpClient(running.url, OTHER);
    const elsewhere = httpClient(running.url, ACCOUNT, { region: 'eu-west-1' });
    try {
      expect(await throttledOf(4, listMemberships())).toBe(2);
      expect(await throttledOf(4, listMemberships(other))).toBe(2);
      expect(await throttledOf(4, listMemberships(elsewhere))).toBe(2);
      expect(await throttledOf(4, () => client.send(new ListCollaborationsCommand({})))).toBe(2);
    } finally {
      other.destroy();
      elsewhere.destroy();
    }
  });

  it('gives an operation quota precedence over the one for every operation', async () => {
    await addQuota({ ratePerSecond: SLOW, burst: 1 });
    await addQuota({ operation: 'ListMemberships', ratePerSecond: SLOW, burst: 4 });
    expect(await throttledOf(6, listMemberships())).toBe(2);
    expect(await throttledOf(3, () => client.send(new ListCollaborationsCommand({})))).toBe(2);
  });

  it('throttles before any state change: a refused CreateCollaboration creates nothing', async () => {
    await addQuota({ operation: 'CreateCollaboration', ratePerSecond: SLOW, burst: 1 });
    const create = () => client.send(new CreateCollaborationCommand(collaborationInput()));
    expect(await throttledOf(4, create)).toBe(3);
    const { collaborationList } = await client.send(new ListCollaborationsCommand({}));
    expect(collaborationList).toHaveLength(1);
  });

  it('throttles before faults: a throttled request does not use up a fault', async () => {
    await addFault(running.url, {
      operation: 'ListMemberships',
      errorType: 'InternalServerException',
      times: 2,
    });
    await addQuota({ operation: 'ListMemberships', ratePerSecond: SLOW, burst: 1 });
    await expectAwsError(client.send(new ListMembershipsCommand({})), InternalServerException, 500);
    await expectAwsError(client.send(new ListMembershipsCommand({})), ThrottlingException, 429);
    await quotas('DELETE');
    // The fault's second error is still there: the throttled request never reached it.
    await expectAwsError(client.send(new ListMembershipsCommand({})), InternalServerException, 500);
    expect((await client.send(new ListMembershipsCommand({}))).$metadata.httpStatusCode).toBe(200);
  });

  it('throttles before the input is read: an unreadable body still gets ThrottlingException', async () => {
    await addQuota({ operation: 'CreateMembership', ratePerSecond: SLOW, burst: 1 });
    const send = () =>
      rawRequest(running.url, {
        method: 'POST',
        path: '/memberships',
        headers: { authorization: authorizationFor(ACCOUNT), 'content-type': 'application/json' },
        body: '{not json',
      });
    const first = await send();
    expect(first.headers['x-amzn-errortype']).toBe('SerializationException');
    const second = await send();
    expect(second.status).toBe(429);
    expect(second.headers['x-amzn-errortype']).toBe('ThrottlingException');
  });

  it('counts throttled requests in calls, in errors and in throttled', async () => {
    await addQuota({ operation: 'GetMembership', ratePerSecond: SLOW, burst: 1 });
    await addFault(running.url, { operation: 'ListMemberships', errorType: 'ThrottlingException' });
    const get = () =>
      client.send(new GetMembershipCommand({ membershipIdentifier: UUID_OF_NOTHING }));
    await get().catch(() => undefined);
    expect(await throttledOf(2, get)).toBe(2);
    // An injected ThrottlingException is an error, but not a quota throttle.
    expect(await throttledOf(1, listMemberships())).toBe(1);
    expect(await getStats(running.url)).toMatchObject({
      calls: { GetMembership: 3, ListMemberships: 1 },
      total: 4,
      errors: { ResourceNotFoundException: 1, ThrottlingException: 3 },
      throttled: { GetMembership: 2 },
    });
  });

  it('replaces the quota of the same operation and lists them with GET', async () => {
    await addQuota({ operation: 'GetMembership', ratePerSecond: 5 });
    await addQuota({ ratePerSecond: 0.5, burst: 2 });
    const replaced = await quotas('POST', { operation: 'GetMembership', ratePerSecond: 10 });
    expect(await replaced.json()).toEqual({
      quotas: [
        { operation: 'GetMembership', ratePerSecond: 10, burst: 10 },
        { ratePerSecond: 0.5, burst: 2 },
      ],
    });
    expect(await (await quotas('GET')).json()).toEqual({
      quotas: [
        { operation: 'GetMembership', ratePerSecond: 10, burst: 10 },
        { ratePerSecond: 0.5, burst: 2 },
      ],
    });
  });

  it('is removed by DELETE and by POST /_emulator/reset', async () => {
    await addQuota({ ratePerSecond: SLOW, burst: 1 });
    expect(await throttledOf(2, listMemberships())).toBe(1);
    const deleted = await quotas('DELETE');
    expect(await deleted.json()).toEqual({ quotas: [] });
    expect(await throttledOf(3, listMemberships())).toBe(0);

    await addQuota({ ratePerSecond: SLOW, burst: 1 });
    await resetEmulator(running.url);
    expect(await (await quotas('GET')).json()).toEqual({ quotas: [] });
    expect(await throttledOf(3, listMemberships())).toBe(0);
  });

  it.each([
    ['no rate', { operation: 'GetMembership' }],
    ['a zero rate', { ratePerSecond: 0 }],
    ['a negative burst', { ratePerSecond: 1, burst: -1 }],
    ['an unknown operation', { operation: 'DescribeEverything', ratePerSecond: 1 }],
    ['an unknown field', { ratePerSecond: 1, perMinute: 60 }],
    ['a non-object body', [5]],
    ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((name): [string, unknown] => [
      `operation ${name}`,
      { operation: name, ratePerSecond: 1 },
    ]),
  ])('refuses %s with a 400 ValidationException and adds nothing', async (_what, body) => {
    const response = await quotas('POST', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toEqual({
      message: expect.any(String),
      reason: 'FIELD_VALIDATION_FAILED',
    });
    expect(await (await quotas('GET')).json()).toEqual({ quotas: [] });
    expect(await throttledOf(3, listMemberships())).toBe(0);
  });
});
