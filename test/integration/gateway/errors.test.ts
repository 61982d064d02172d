/**
 * Every error code of the README's error table that an integration test can provoke, with its extensions:
 * AWS-originated errors carry `extensions.aws = { errorType, requestId }` plus the exception's
 * useful members; none has a stack trace or an account id inside an ARN. A stub endpoint plays
 * answers the emulator never gives (ARNs in messages, HTML pages, dropped connections, odd error
 * types). INTERNAL_SERVER_ERROR (bugs only) is covered by the formatter's unit test.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateCollaborationCommand } from '@aws-sdk/client-cleanrooms';
import { capturingLogger, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { ACME, IDS, fieldPaths, onlyError } from '../../helpers/gateway-expect';
import { inProcessClient } from '../../helpers/sdk';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());
afterEach(() => gw.emulator.faults.clear());

/**
 * Northwind creates a collaboration with query logging disabled and invites Acme (the gateway's
 * account) with no abilities.
 */
async function northwindInvitesAcme(name: string, description: string) {
  const northwind = inProcessClient(gw.emulator, '111111111111');
  try {
    return await northwind.send(
      new CreateCollaborationCommand({
        name,
        description,
        creatorDisplayName: 'Northwind Retail',
        creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
        queryLogStatus: 'DISABLED',
        members: [{ accountId: ACME, displayName: 'Acme', memberAbilities: [] }],
      }),
    );
  } finally {
    northwind.destroy();
  }
}

const AWS_REQUEST_ID = expect.stringMatching(/^\S+$/);

const CREATE_MEMBERSHIP = `mutation ($input: CreateMembershipInput!) {
  createMembership(input: $input) { id status queryLogStatus }
}`;

const CREATE_COLLABORATION = `mutation ($input: CreateCollaborationInput!) {
  createCollaboration(input: $input) { id }
}`;

describe('NOT_FOUND', () => {
  it('answers an unknown membership id with null and NOT_FOUND carrying the AWS error', async () => {
    const { status, body } = await gw.gql(`{ membership(id: "${IDS.unknownMembership}") { id } }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ membership: null });
    const error = onlyError(body);
    expect(error.path).toEqual(['membership']);
    expect(error.message).toBe(`Membership ${IDS.unknownMembership} not found`);
    expect(error.extensions).toEqual({
      code: 'NOT_FOUND',
      aws: { errorType: 'ResourceNotFoundException', requestId: AWS_REQUEST_ID },
      resourceType: 'MEMBERSHIP',
    });
    expect(gw.calls()).toEqual({ GetMembership: 1 });
  });

  it("treats another account's membership id as not found", async () => {
    const { body } = await gw.gql(`{ membership(id: "${IDS.northwindRetailMembership}") { id } }`);
    expect(body.data).toEqual({ membership: null });
    expect(onlyError(body).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('FORBIDDEN', () => {
  it.each([
    ['a collaboration the caller was removed from', IDS.brandLift],
    ['a deleted collaboration', IDS.loyaltyArchived],
    ['an unknown collaboration', IDS.unknownCollaboration],
  ])('answers %s with null and FORBIDDEN (AccessDeniedException)', async (_name, id) => {
    const { body } = await gw.gql(`{ collaboration(id: "${id}") { id name } }`);
    expect(body.data).toEqual({ collaboration: null });
    const error = onlyError(body);
    expect(error.path).toEqual(['collaboration']);
    expect(error.extensions).toEqual({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException', requestId: AWS_REQUEST_ID },
    });
    expect(gw.calls()).toEqual({ GetCollaboration: 1 });
  });

  it('nulls only the unreadable collaboration of a list, with its error on that path', async () => {
    const { status, body } = await gw.gql<{
      memberships: {
        nodes: Array<{ id: string; collaboration: { queryLogStatus: string } | null }>;
      };
    }>('{ memberships { nodes { id collaboration { queryLogStatus } } } }');
    expect(status).toBe(200);
    const nodes = body.data?.memberships.nodes ?? [];
    expect(nodes.map((n) => n.id)).toEqual([
      IDS.acmeRetailMembership,
      IDS.acmeAudienceMembership,
      IDS.acmeLoyaltyMembership,
      IDS.acmeBrandLiftMembership,
    ]);
    // Retail and Audience overlap are readable; Loyalty (deleted) and Brand lift (removed) are not.
    expect(nodes.map((n) => n.collaboration)).toEqual([
      { queryLogStatus: 'ENABLED' },
      { queryLogStatus: 'DISABLED' },
      null,
      null,
    ]);
    // The error stays on the field that needed GetCollaboration; the null stops at `collaboration`.
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['memberships', 'nodes', 2, 'collaboration', 'queryLogStatus'], 'FORBIDDEN'],
      [['memberships', 'nodes', 3, 'collaboration', 'queryLogStatus'], 'FORBIDDEN'],
    ]);
    expect(gw.calls()).toEqual({ ListMemberships: 1, GetCollaboration: 4 });
  });

  it('refuses to join a collaboration the caller is not invited to', async () => {
    const { body } = await gw.gql(CREATE_MEMBERSHIP, {
      input: { collaborationIdentifier: IDS.unknownCollaboration, queryLogStatus: 'DISABLED' },
    });
    expect(body.data).toBeNull();
    const error = onlyError(body);
    expect(error.path).toEqual(['createMembership']);
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException', requestId: AWS_REQUEST_ID },
    });
    expect(gw.calls()).toEqual({ CreateMembership: 1 });
  });
});

describe('CONFLICT', () => {
  afterAll(() => gw.emulator.reset(true));

  it('refuses to create the same membership twice', async () => {
    const input = { collaborationIdentifier: IDS.mlPilot, queryLogStatus: 'ENABLED' };
    const first = await gw.gql<{ createMembership: { id: string; status: string } }>(
      CREATE_MEMBERSHIP,
      { input },
    );
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.createMembership.status).toBe('ACTIVE');

    const second = await gw.gql(CREATE_MEMBERSHIP, { input });
    expect(second.body.data).toBeNull();
    const error = onlyError(second.body);
    expect(error.extensions).toEqual({
      code: 'CONFLICT',
      aws: { errorType: 'ConflictException', requestId: AWS_REQUEST_ID },
      reason: 'ALREADY_EXISTS',
    });
    expect(error.message).toBe(`A membership for collaboration ${IDS.mlPilot} already exists`);
    expect(gw.calls()).toEqual({ CreateMembership: 2 });
  });

  it('refuses to update a membership that is no longer ACTIVE', async () => {
    const { body } = await gw.gql(
      `mutation { updateMembership(input: { membershipIdentifier: "${IDS.acmeBrandLiftMembership}", queryLogStatus: DISABLED }) { id } }`,
    );
    expect(onlyError(body).extensions).toMatchObject({
      code: 'CONFLICT',
      aws: { errorType: 'ConflictException' },
      reason: 'INVALID_STATE',
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
  });
});

describe('SERVICE_QUOTA_EXCEEDED', () => {
  afterAll(() => gw.emulator.reset(true));

  it('reports the quota name and value when a collaboration would have too many members', async () => {
    const members = [
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
      '555555555555',
      '666666666666',
    ].map((accountId) => ({ accountId, displayName: `Member ${accountId}`, memberAbilities: [] }));
    const { status, body } = await gw.gql(CREATE_COLLABORATION, {
      input: {
        name: 'Too many members',
        creatorDisplayName: 'Acme Analytics',
        creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
        queryLogStatus: 'DISABLED',
        members,
      },
    });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    const error = onlyError(body);
    expect(error.extensions).toEqual({
      code: 'SERVICE_QUOTA_EXCEEDED',
      aws: { errorType: 'ServiceQuotaExceededException', requestId: AWS_REQUEST_ID },
      quotaName: 'Maximum number of members per collaboration',
      quotaValue: 5,
    });
    expect(gw.calls()).toEqual({ CreateCollaboration: 1 });
  });
});

describe('BAD_USER_INPUT from AWS (business rules)', () => {
  afterAll(() => gw.emulator.reset(true));

  it('refuses to enable query logging in a collaboration that disables it, on update', async () => {
    // Audience overlap (e3) has query logging DISABLED at the collaboration level.
    const { body } = await gw.gql(
      `mutation { updateMembership(input: { membershipIdentifier: "${IDS.acmeAudienceMembership}", queryLogStatus: ENABLED }) { id queryLogStatus } }`,
    );
    expect(body.data).toBeNull();
    const error = onlyError(body);
    expect(error.message).toBe(
      'Query logging cannot be enabled: the collaboration has query logging disabled',
    );
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException', requestId: AWS_REQUEST_ID },
      reason: 'INVALID_CONFIGURATION',
      fields: [
        {
          path: 'queryLogStatus',
          message: 'Query logging cannot be enabled: the collaboration has query logging disabled',
        },
      ],
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 1 });
  });

  it('refuses to join with query logging where the collaboration disables it', async () => {
    const created = await northwindInvitesAcme('No query logs', 'query logging disabled');
    gw.resetCalls();

    const collaborationIdentifier = created.collaboration?.id as string;
    const refused = await gw.gql(CREATE_MEMBERSHIP, {
      input: { collaborationIdentifier, queryLogStatus: 'ENABLED' },
    });
    const error = onlyError(refused.body);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException', requestId: AWS_REQUEST_ID },
    });
    expect(fieldPaths(error)).toEqual(['queryLogStatus']);

    // The same request with logging disabled is accepted: the refusal was about the rule only.
    const accepted = await gw.gql(CREATE_MEMBERSHIP, {
      input: { collaborationIdentifier, queryLogStatus: 'DISABLED' },
    });
    expect(accepted.body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ CreateMembership: 2 });
  });

  it('refuses a result configuration for a member that cannot receive results', async () => {
    // Northwind invites Acme without abilities: it may not set a default result destination.
    const created = await northwindInvitesAcme(
      'Results only for the creator',
      'Acme cannot receive results',
    );
    gw.resetCalls();

    const { body } = await gw.gql(CREATE_MEMBERSHIP, {
      input: {
        collaborationIdentifier: created.collaboration?.id,
        queryLogStatus: 'DISABLED',
        defaultResultConfiguration: {
          outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'acme-results' } },
        },
      },
    });
    const error = onlyError(body);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException' },
      reason: 'INVALID_CONFIGURATION',
    });
    expect(fieldPaths(error)).toEqual(['defaultResultConfiguration']);
    expect(gw.calls()).toEqual({ CreateMembership: 1 });
  });
});

describe('faults of the service', () => {
  it('answers a throttled call with THROTTLED and does not retry it (maxAttempts 1)', async () => {
    gw.emulator.faults.add({ operation: 'GetMembership', errorType: 'ThrottlingException' });
    const { body } = await gw.gql(
      `{ membership(id: "${IDS.acmeRetailMembership}") { id status queryLogStatus } }`,
    );
    expect(body.data).toEqual({ membership: null });
    const error = onlyError(body);
    expect(error.path).toEqual(['membership']);
    expect(error.extensions).toEqual({
      code: 'THROTTLED',
      aws: { errorType: 'ThrottlingException', requestId: AWS_REQUEST_ID },
    });
    expect(gw.calls()).toEqual({ GetMembership: 1 });
  });

  it('answers an internal error of the service with UPSTREAM_UNAVAILABLE and a generic message', async () => {
    gw.emulator.faults.add({ operation: 'ListMemberships', errorType: 'InternalServerException' });
    const { body } = await gw.gql('{ memberships { nodes { id } } }');
    // memberships is non-null: the whole data is null.
    expect(body.data).toBeNull();
    const error = onlyError(body);
    expect(error.message).toBe(
      'Clean Rooms could not be reached or failed (InternalServerException); try again later',
    );
    expect(error.message).not.toMatch(/Injected|fault/i);
    expect(error.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      aws: { errorType: 'InternalServerException', requestId: AWS_REQUEST_ID },
    });
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it('keeps a failing nested field to its own path and serves the rest', async () => {
    gw.emulator.faults.add({ operation: 'GetMembership', errorType: 'ThrottlingException' });
    const { body } = await gw.gql<{
      collaborations: { nodes: Array<{ id: string; membership: unknown }> };
    }>('{ collaborations { nodes { id membership { queryLogStatus } } } }');
    expect(body.data?.collaborations.nodes).toEqual([
      { id: IDS.retailMeasurement, membership: null },
      { id: IDS.audienceOverlap, membership: null },
      { id: IDS.mlPilot, membership: null },
    ]);
    // The Get fails under the non-null queryLogStatus; the null stops at the nullable membership.
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['collaborations', 'nodes', 0, 'membership', 'queryLogStatus'], 'THROTTLED'],
      [['collaborations', 'nodes', 1, 'membership', 'queryLogStatus'], 'THROTTLED'],
    ]);
    expect(gw.calls()).toEqual({ ListCollaborations: 1, GetMembership: 2 });
  });

  it('recovers once the fault is gone: errors are not cached between requests', async () => {
    gw.emulator.faults.add({
      operation: 'GetMembership',
      errorType: 'ThrottlingException',
      times: 1,
    });
    const query = `{ membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus } }`;
    const failed = await gw.gql(query);
    expect(onlyError(failed.body).extensions?.code).toBe('THROTTLED');
    const ok = await gw.gql(query);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data).toEqual({ membership: { queryLogStatus: 'ENABLED' } });
    expect(gw.calls()).toEqual({ GetMembership: 2 });
  });
});

describe('answers of a misbehaving or foreign endpoint', () => {
  // A second gateway whose CLEANROOMS_ENDPOINT is a stub server: each test sets its answer.
  type Reply = (res: ServerResponse) => void;
  let reply: Reply;
  let stub: Server;
  let other: TestGateway;
  const logs = capturingLogger();

  beforeAll(async () => {
    stub = createServer((_req, res) => reply(res));
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const port = (stub.address() as AddressInfo).port;
    other = await startTestGateway({
      env: { CLEANROOMS_ENDPOINT: `http://127.0.0.1:${port}` },
      logger: logs.logger,
    });
  });
  beforeEach(() => {
    logs.lines.length = 0;
  });

  /** POSTs QUERY with a known request id; returns the body and that request's log lines. */
  async function queryLogged(requestId: string) {
    const { body } = await other.gql(QUERY, undefined, { 'x-request-id': requestId });
    // The request's lines, without the one every operation logs.
    const lines = logs.lines.filter(
      (line) => line.requestId === requestId && line.msg !== 'graphql operation',
    );
    return { body, lines };
  }
  afterAll(async () => {
    await other.close();
    await new Promise((resolve) => stub.close(resolve));
  });

  const awsError =
    (status: number, errorType: string, body: Record<string, unknown>): Reply =>
    (res) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-amzn-errortype': errorType,
        'x-amzn-requestid': 'stub-request-1',
      });
      res.end(JSON.stringify(body));
    };

  const QUERY = `{ membership(id: "${IDS.acmeRetailMembership}") { id } }`;

  it('masks the account of ARNs in AWS messages and field messages', async () => {
    const arn = `arn:aws:cleanrooms:us-east-1:111111111111:membership/${IDS.northwindRetailMembership}`;
    reply = awsError(400, 'ValidationException', {
      message: `Resource ${arn} cannot be used here`,
      reason: 'FIELD_VALIDATION_FAILED',
      fieldList: [{ name: 'membershipIdentifier', message: `${arn} belongs to another account` }],
    });
    const { body } = await other.gql(QUERY);
    const error = onlyError(body);
    const masked = `arn:aws:cleanrooms:us-east-1:************:membership/${IDS.northwindRetailMembership}`;
    expect(error.message).toBe(`Resource ${masked} cannot be used here`);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      aws: { errorType: 'ValidationException', requestId: 'stub-request-1' },
      reason: 'FIELD_VALIDATION_FAILED',
      fields: [{ path: 'membershipIdentifier', message: `${masked} belongs to another account` }],
    });
  });

  it('answers an IAM denial with a generic FORBIDDEN message; the details go to the request log', async () => {
    const iam =
      'User: arn:aws:sts::111111111111:assumed-role/GatewayRole/i-0abc is not authorized to perform: cleanrooms:GetMembership on resource: arn:aws:cleanrooms:us-east-1:111111111111:membership/x because no identity-based policy allows the cleanrooms:GetMembership action';
    reply = awsError(403, 'AccessDeniedException', { message: iam });
    const { body, lines } = await queryLogged('iam-denial-1');
    const error = onlyError(body);
    expect(error.extensions).toEqual({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException', requestId: 'stub-request-1' },
    });
    expect(JSON.stringify(body)).not.toMatch(/GatewayRole|policy|assumed-role|111111111111/);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'AWS denied access',
        awsMessage: iam,
        awsRequestId: 'stub-request-1',
        operation: 'GetMembership',
      }),
    ]);
  });

  it.each([
    [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'],
    [403, 'InvalidSignatureException', 'The request signature we calculated does not match'],
    [403, 'ExpiredTokenException', 'The security token included in the request is expired'],
  ])(
    'answers refused gateway credentials (%s %s) as INTERNAL_SERVER_ERROR with a reference in the log',
    async (status, errorType, message) => {
      reply = awsError(status, errorType, { message });
      const { body, lines } = await queryLogged(`credentials-${errorType}`);
      const error = onlyError(body);
      const errorId = error.extensions?.errorId;
      expect(error.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        aws: { errorType, requestId: 'stub-request-1' },
      });
      expect(error.message).toBe(
        `The gateway could not authenticate to AWS Clean Rooms (reference ${String(errorId)})`,
      );
      expect(JSON.stringify(body)).not.toContain(message);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'AWS refused the gateway credentials',
          errorId,
          awsErrorType: errorType,
          awsMessage: message,
        }),
      ]);
    },
  );

  it('logs an AWS failure through the request logger: the line carries the request id', async () => {
    reply = awsError(500, 'InternalServerException', { message: 'internal detail at 10.1.2.3' });
    const { body, lines } = await queryLogged('outage-1');
    expect(onlyError(body).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'AWS call failed',
        requestId: 'outage-1',
        awsErrorType: 'InternalServerException',
        awsRequestId: 'stub-request-1',
      }),
    ]);
  });

  it('masks ARNs in NOT_FOUND messages', async () => {
    reply = awsError(404, 'ResourceNotFoundException', {
      message: 'Resource arn:aws:iam::222222222222:role/Hidden not found',
      resourceId: 'x',
      resourceType: 'MEMBERSHIP',
    });
    const error = onlyError((await other.gql(QUERY)).body);
    expect(error.message).toBe('Resource arn:aws:iam::************:role/Hidden not found');
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    [
      'an HTML error page',
      'DeserializationError',
      (res: ServerResponse) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body>502 Bad Gateway (upstream 10.1.2.3:8443)</body></html>');
      },
      null,
    ],
    ['a dropped connection', 'NetworkError', (res: ServerResponse) => res.socket?.destroy(), null],
    [
      'an error type named like an Object.prototype member',
      'constructor',
      awsError(500, 'constructor', {
        message: 'internal detail at 10.1.2.3',
      }),
      'stub-request-1',
    ],
    [
      'an exception newer than the gateway',
      'ServiceUnavailableException',
      awsError(503, 'ServiceUnavailableException', {
        message: 'internal detail at 10.1.2.3',
      }),
      'stub-request-1',
    ],
  ])(
    'answers %s with UPSTREAM_UNAVAILABLE and no internals',
    async (_name, errorType, stubReply, requestId) => {
      reply = stubReply;
      const { status, body } = await other.gql(QUERY);
      expect(status).toBe(200);
      expect(body.data).toEqual({ membership: null });
      const error = onlyError(body);
      expect(error.message).toBe(
        `Clean Rooms could not be reached or failed (${errorType}); try again later`,
      );
      expect(error.extensions).toEqual({
        code: 'UPSTREAM_UNAVAILABLE',
        aws: { errorType, requestId },
      });
      expect(JSON.stringify(body)).not.toMatch(
        /10\.1\.2\.3|127\.0\.0\.1|ECONN|<html>|internal detail/,
      );
    },
  );
});
