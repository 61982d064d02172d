/**
 * Malformed requests, sent raw (node:http) because the SDK cannot produce them: every one gets a
 * JSON error with `x-amzn-ErrorType` (never a crash, an HTML page or a hang), changes no state,
 * is counted only when it named an operation, and the server keeps answering afterwards.
 */
import { connect } from 'node:net';
import {
  CleanRoomsClient,
  GetMembershipCommand,
  ListCollaborationsCommand,
  ListMembershipsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { MAX_BODY_BYTES } from '../../../src/emulator/protocol';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
import {
  authorizationFor,
  getStats,
  rawRequest,
  resetEmulator,
  type RawRequest,
} from '../../helpers/emulator-admin';
import { UUID } from '../../helpers/emulator-fixtures';
import { httpClient, startEmulator } from '../../helpers/sdk';

const ACME = DEMO_ACCOUNTS.acme;
const MEMBERSHIP = DEMO_IDS.acmeRetailMembership;

let running: RunningEmulator;
let acme: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator(true);
  acme = httpClient(running.url, ACME);
  await resetEmulator(running.url, true);
});

afterAll(async () => {
  acme.destroy();
  await running.close();
});

/** Everything a bad request could have changed, as Acme sees it through the SDK. */
async function stateSnapshot() {
  const [memberships, collaborations, membership, tags] = await Promise.all([
    acme.send(new ListMembershipsCommand({ maxResults: 100 })),
    acme.send(new ListCollaborationsCommand({ maxResults: 100 })),
    acme.send(new GetMembershipCommand({ membershipIdentifier: MEMBERSHIP })),
    acme.send(
      new ListTagsForResourceCommand({
        resourceArn: `arn:aws:cleanrooms:us-east-1:${ACME}:membership/${MEMBERSHIP}`,
      }),
    ),
  ]);
  return {
    memberships: memberships.membershipSummaries,
    collaborations: collaborations.collaborationList,
    membership: membership.membership,
    tags: tags.tags,
  };
}

const signed = { authorization: authorizationFor(ACME) };
const json = { ...signed, 'content-type': 'application/json' };
const createMembershipBody = (extra: string) =>
  `{"collaborationIdentifier":"${DEMO_IDS.mlPilot}","queryLogStatus":"ENABLED"${extra}}`;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

type Case = [
  description: string,
  request: RawRequest,
  status: number,
  errorType: string,
  /** The operation the request is counted under, if it matched one. */
  countedAs: string | undefined,
];

const cases: Case[] = [
  [
    'malformed JSON body',
    { method: 'POST', path: '/memberships', headers: json, body: '{"collaborationIdentifier":' },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'a JSON array as the body',
    { method: 'POST', path: '/collaborations', headers: json, body: '[1,2,3]' },
    400,
    'SerializationException',
    'CreateCollaboration',
  ],
  [
    'a JSON string as the body',
    { method: 'POST', path: '/memberships', headers: json, body: '"hello"' },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'JSON null as the body',
    { method: 'PATCH', path: `/memberships/${MEMBERSHIP}`, headers: json, body: 'null' },
    400,
    'SerializationException',
    'UpdateMembership',
  ],
  [
    'a number for queryLogStatus',
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: `{"collaborationIdentifier":"${DEMO_IDS.mlPilot}","queryLogStatus":1}`,
    },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'a boolean for queryLogStatus in an update',
    {
      method: 'PATCH',
      path: `/memberships/${MEMBERSHIP}`,
      headers: json,
      body: '{"queryLogStatus":true,"jobLogStatus":"DISABLED"}',
    },
    400,
    'SerializationException',
    'UpdateMembership',
  ],
  [
    'a number as a tag value',
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: createMembershipBody(',"tags":{"a":1}'),
    },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'an object where a list belongs',
    {
      method: 'POST',
      path: '/collaborations',
      headers: json,
      body: '{"members":{},"name":"n","description":"d","creatorMemberAbilities":[],"creatorDisplayName":"c","queryLogStatus":"DISABLED"}',
    },
    400,
    'SerializationException',
    'CreateCollaboration',
  ],
  [
    'a string where a structure belongs',
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: createMembershipBody(',"defaultResultConfiguration":"s3://bucket"'),
    },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'deeply nested arrays in the body',
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: createMembershipBody(`,"tags":${nested(50_000)}`),
    },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'a body that is not UTF-8 JSON',
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22]),
    },
    400,
    'SerializationException',
    'CreateMembership',
  ],
  [
    'an empty body for CreateMembership',
    { method: 'POST', path: '/memberships', headers: json, body: '' },
    400,
    'ValidationException',
    'CreateMembership',
  ],
  [
    'maxResults=abc',
    { method: 'GET', path: '/memberships?maxResults=abc', headers: signed },
    400,
    'SerializationException',
    'ListMemberships',
  ],
  [
    'a fractional maxResults',
    { method: 'GET', path: '/collaborations?maxResults=1.5', headers: signed },
    400,
    'SerializationException',
    'ListCollaborations',
  ],
  [
    'a 25-digit maxResults',
    { method: 'GET', path: `/memberships?maxResults=${'9'.repeat(25)}`, headers: signed },
    400,
    'SerializationException',
    'ListMemberships',
  ],
  [
    'an unknown status filter',
    { method: 'GET', path: '/memberships?status=DELETED', headers: signed },
    400,
    'ValidationException',
    'ListMemberships',
  ],
  [
    'a nextToken longer than 10240 characters',
    { method: 'GET', path: `/memberships?nextToken=${'a'.repeat(10_241)}`, headers: signed },
    400,
    'ValidationException',
    'ListMemberships',
  ],
  [
    'malformed percent-encoding in the query',
    { method: 'GET', path: '/memberships?nextToken=%ZZ', headers: signed },
    400,
    'SerializationException',
    'ListMemberships',
  ],
  [
    'malformed percent-encoding in a path label',
    { method: 'GET', path: '/memberships/%E0%A4%A', headers: signed },
    400,
    'SerializationException',
    undefined,
  ],
  [
    'a truncated percent-escape in an ARN label',
    { method: 'DELETE', path: '/tags/arn%3Aaws%3Acleanrooms%3A%ZZ?tagKeys=a', headers: signed },
    400,
    'SerializationException',
    undefined,
  ],
  [
    'an unknown route',
    { method: 'GET', path: '/configuredTables', headers: signed },
    404,
    'UnknownOperationException',
    undefined,
  ],
  [
    'the root path',
    { method: 'GET', path: '/', headers: signed },
    404,
    'UnknownOperationException',
    undefined,
  ],
  [
    'a known path with the wrong method',
    { method: 'PUT', path: '/memberships', headers: json, body: '{}' },
    404,
    'UnknownOperationException',
    undefined,
  ],
  [
    'POST to a membership',
    { method: 'POST', path: `/memberships/${MEMBERSHIP}`, headers: json, body: '{}' },
    404,
    'UnknownOperationException',
    undefined,
  ],
  [
    'an extra path segment',
    { method: 'GET', path: `/memberships/${MEMBERSHIP}/extra`, headers: signed },
    404,
    'UnknownOperationException',
    undefined,
  ],
  [
    `a body over ${MAX_BODY_BYTES} bytes`,
    {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: createMembershipBody(`,"tags":{"big":"${'x'.repeat(MAX_BODY_BYTES)}"}`),
    },
    413,
    'RequestEntityTooLargeException',
    undefined,
  ],
];

describe('malformed requests', () => {
  // Reordered so the title can print the description, status and error type.
  it.each(
    cases.map(
      ([d, request, status, type, counted]) => [d, status, type, counted, request] as const,
    ),
  )('%s → %i %s, state unchanged', async (_description, status, errorType, countedAs, request) => {
    const before = await stateSnapshot();
    const statsBefore = await getStats(running.url);

    const response = await rawRequest(running.url, request);

    expect(response.status).toBe(status);
    expect(response.headers['x-amzn-errortype']).toBe(errorType);
    expect(response.headers['x-amzn-requestid']).toMatch(UUID);
    expect(response.headers['content-type']).toBe('application/json');
    const body = JSON.parse(response.text) as { message?: unknown };
    expect(typeof body.message).toBe('string');
    expect((body.message as string).length).toBeLessThan(2000);

    const statsAfter = await getStats(running.url);
    const expectedCalls = { ...statsBefore.calls };
    if (countedAs) expectedCalls[countedAs] = (expectedCalls[countedAs] ?? 0) + 1;
    expect(statsAfter.calls).toEqual(expectedCalls);

    expect(await stateSnapshot()).toEqual(before);
  });

  it('names the offending member in type errors', async () => {
    const response = await rawRequest(running.url, {
      method: 'POST',
      path: '/memberships',
      headers: json,
      body: `{"collaborationIdentifier":"${DEMO_IDS.mlPilot}","queryLogStatus":1}`,
    });
    expect(JSON.parse(response.text)).toEqual({
      message: "Value at 'queryLogStatus' must be a string",
    });
  });

  it('answers an unknown route with a JSON message naming the method and path', async () => {
    const response = await rawRequest(running.url, { method: 'DELETE', path: '/memberships' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({
      message: 'No operation matches DELETE /memberships',
    });
  });

  it('survives a client that disconnects in the middle of a body', async () => {
    const { hostname, port } = new URL(running.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /memberships HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            'Content-Length: 1000\r\n\r\n{"collaborationIdentifier":',
          () => {
            socket.destroy();
            resolve();
          },
        );
      });
      socket.on('error', reject);
    });
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: '/memberships',
      headers: signed,
    });
    expect(response.status).toBe(200);
  });

  it('still answers through the SDK after all of the above', async () => {
    const out = await acme.send(new ListMembershipsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.membershipSummaries?.length).toBeGreaterThan(0);
  });
});

describe('unsigned or oddly signed requests', () => {
  it('act as the default account instead of failing', async () => {
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer something' },
      { authorization: '' },
    ];
    for (const headers of variants) {
      const response = await rawRequest(running.url, {
        method: 'GET',
        path: `/memberships/${MEMBERSHIP}`,
        headers,
      });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text).membership.id).toBe(MEMBERSHIP);
    }
  });
});
