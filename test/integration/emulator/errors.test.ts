/**
 * How errors and results look on the wire and what the real SDK makes of them: every one of the
 * seven Clean Rooms exceptions as its own SDK class with its modeled fields, and the protocol
 * pitfalls that break a naive emulator (epoch-second timestamps, x-amzn-ErrorType / x-amzn-RequestId
 * headers with JSON bodies, percent-encoded ARN labels, tagged unions, request ids).
 */
import {
  AccessDeniedException,
  CleanRoomsClient,
  CleanRoomsServiceException,
  ConflictException,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  InternalServerException,
  ListCollaborationsCommand,
  ListMembershipsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
import {
  addFault,
  authorizationFor,
  rawRequest,
  resetEmulator,
  type RawResponse,
} from '../../helpers/emulator-admin';
import {
  collaborationInput,
  expectAwsError,
  expectDate,
  member,
  UUID,
} from '../../helpers/emulator-fixtures';
import { httpClient, startEmulator } from '../../helpers/sdk';

const { acme: ACME, northwind: NORTHWIND, contoso: CONTOSO } = DEMO_ACCOUNTS;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let running: RunningEmulator;
let acme: CleanRoomsClient;
let northwind: CleanRoomsClient;
let contoso: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator(true);
  acme = httpClient(running.url, ACME);
  northwind = httpClient(running.url, NORTHWIND);
  contoso = httpClient(running.url, CONTOSO);
});

afterAll(async () => {
  for (const client of [acme, northwind, contoso]) client.destroy();
  await running.close();
});

beforeEach(() => resetEmulator(running.url, true));

function raw(path: string, accountId = ACME, method = 'GET'): Promise<RawResponse> {
  return rawRequest(running.url, {
    method,
    path,
    headers: { authorization: authorizationFor(accountId) },
  });
}

describe('each exception reaches the caller as its own SDK class', () => {
  it('ValidationException (400, client fault) with reason, fieldList and the AWS message convention', async () => {
    const error = await expectAwsError(
      acme.send(new GetMembershipCommand({ membershipIdentifier: 'not-a-uuid' })),
      ValidationException,
      400,
    );
    expect(error.$fault).toBe('client');
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([
      {
        name: 'membershipIdentifier',
        message: 'Member must have length greater than or equal to 36',
      },
    ]);
    expect(error.message).toBe(
      "1 validation error detected: Value 'not-a-uuid' at 'membershipIdentifier' failed to satisfy constraint: Member must have length greater than or equal to 36",
    );
  });

  it('ValidationException lists every violated member', async () => {
    const error = await expectAwsError(
      acme.send(
        new CreateMembershipCommand({
          collaborationIdentifier: DEMO_IDS.mlPilot,
          queryLogStatus: 'SOMETIMES' as 'ENABLED',
          defaultResultConfiguration: {
            outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'UPPER_case' } },
          },
        }),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList?.map((f) => f.name)).toEqual([
      'queryLogStatus',
      'defaultResultConfiguration.outputConfiguration.s3.bucket',
    ]);
    expect(error.message).toMatch(/^2 validation errors detected: /);
  });

  it('AccessDeniedException (403) with reason', async () => {
    const error = await expectAwsError(
      contoso.send(new GetCollaborationCommand({ collaborationIdentifier: DEMO_IDS.brandLift })),
      AccessDeniedException,
      403,
    );
    expect(error.$fault).toBe('client');
    expect(error.reason).toBe('INSUFFICIENT_PERMISSIONS');
    expect(error.message).toContain(DEMO_IDS.brandLift);
  });

  it('ResourceNotFoundException (404) with resourceId and resourceType', async () => {
    const error = await expectAwsError(
      acme.send(new GetMembershipCommand({ membershipIdentifier: UNKNOWN_ID })),
      ResourceNotFoundException,
      404,
    );
    expect(error.$fault).toBe('client');
    expect(error.resourceId).toBe(UNKNOWN_ID);
    expect(error.resourceType).toBe('MEMBERSHIP');
    expect(error.message).toBe(`Membership ${UNKNOWN_ID} not found`);
  });

  it('ConflictException (409) with reason, resourceId and resourceType', async () => {
    const error = await expectAwsError(
      acme.send(
        new CreateMembershipCommand({
          collaborationIdentifier: DEMO_IDS.retailMeasurement,
          queryLogStatus: 'DISABLED',
        }),
      ),
      ConflictException,
      409,
    );
    expect(error).toMatchObject({
      $fault: 'client',
      reason: 'ALREADY_EXISTS',
      resourceType: 'MEMBERSHIP',
      resourceId: DEMO_IDS.acmeRetailMembership,
    });
  });

  it('ServiceQuotaExceededException (402) with quotaName and a numeric quotaValue', async () => {
    const members = ['1', '2', '3', '4', '5', '6'].map((n) => member(`90000000000${n}`));
    const error = await expectAwsError(
      contoso.send(new CreateCollaborationCommand(collaborationInput({ members }))),
      ServiceQuotaExceededException,
      402,
    );
    expect(error.$fault).toBe('client');
    expect(error.quotaName).toBe('Maximum number of members per collaboration');
    expect(error.quotaValue).toBe(5);
  });

  it('ThrottlingException (429) from an injected fault', async () => {
    await addFault(running.url, { operation: 'ListMemberships', errorType: 'ThrottlingException' });
    const error = await expectAwsError(
      acme.send(new ListMembershipsCommand({})),
      ThrottlingException,
      429,
    );
    expect(error.$fault).toBe('client');
    expect(error.message).toBe('Injected fault: ThrottlingException');
    expect(error.$metadata.attempts).toBe(1);
  });

  it('InternalServerException (500, server fault) from an injected fault', async () => {
    await addFault(running.url, {
      operation: 'GetMembership',
      errorType: 'InternalServerException',
    });
    const error = await expectAwsError(
      acme.send(new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership })),
      InternalServerException,
      500,
    );
    expect(error.$fault).toBe('server');
    expect(error.message).toBe('Injected fault: InternalServerException');
  });

  it.each([
    ['ValidationException', ValidationException, 400, { reason: 'FIELD_VALIDATION_FAILED' }],
    ['AccessDeniedException', AccessDeniedException, 403, { reason: 'INSUFFICIENT_PERMISSIONS' }],
    [
      'ResourceNotFoundException',
      ResourceNotFoundException,
      404,
      { resourceId: 'injected', resourceType: 'MEMBERSHIP' },
    ],
    ['ConflictException', ConflictException, 409, { reason: 'INVALID_STATE' }],
    [
      'ServiceQuotaExceededException',
      ServiceQuotaExceededException,
      402,
      { quotaName: 'Injected quota', quotaValue: 0 },
    ],
    ['ThrottlingException', ThrottlingException, 429, {}],
    ['InternalServerException', InternalServerException, 500, {}],
  ] as const)(
    'an injected %s keeps its class, status and modeled fields',
    async (errorType, cls, status, fields) => {
      await addFault(running.url, { operation: 'ListCollaborations', errorType });
      const error = await expectAwsError(
        acme.send(new ListCollaborationsCommand({})),
        cls as unknown as new () => CleanRoomsServiceException,
        status,
      );
      expect(error).toMatchObject({ message: `Injected fault: ${errorType}`, ...fields });
      // Only the faulted operation fails.
      const other = await acme.send(new ListMembershipsCommand({}));
      expect(other.$metadata.httpStatusCode).toBe(200);
    },
  );
});

describe('wire format', () => {
  it('sends timestamps as epoch-second numbers, which the SDK turns into the same Dates', async () => {
    const response = await raw(`/memberships/${DEMO_IDS.acmeRetailMembership}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    const { membership } = JSON.parse(response.text) as {
      membership: { createTime: unknown; updateTime: unknown };
    };
    expect(typeof membership.createTime).toBe('number');
    expect(typeof membership.updateTime).toBe('number');
    // The demo seed's clock: 2026-01-05T09:00:00Z plus whole hours plus 0.25 s.
    expect((membership.createTime as number) % 1).toBeCloseTo(0.25, 6);

    const { membership: viaSdk } = await acme.send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
    );
    expect(expectDate(viaSdk?.createTime).getTime()).toBe(
      Math.round((membership.createTime as number) * 1000),
    );
    expect(expectDate(viaSdk?.updateTime).getTime()).toBe(
      Math.round((membership.updateTime as number) * 1000),
    );
  });

  it('sends numeric timestamps in list and collaboration responses too', async () => {
    const lists = await Promise.all([
      raw('/memberships'),
      raw('/collaborations'),
      raw(`/collaborations/${DEMO_IDS.retailMeasurement}`),
      raw(`/collaborations/${DEMO_IDS.retailMeasurement}/members`),
    ]);
    const records = lists.flatMap((r) => {
      expect(r.status).toBe(200);
      const body = JSON.parse(r.text) as Record<string, unknown>;
      const value = Object.values(body)[0];
      return (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown>>;
    });
    expect(records.length).toBeGreaterThan(5);
    for (const record of records) {
      expect(typeof record.createTime).toBe('number');
      expect(typeof record.updateTime).toBe('number');
    }
  });

  it('answers errors with x-amzn-ErrorType, x-amzn-RequestId and a JSON body of modeled fields', async () => {
    const response = await raw(`/memberships/${UNKNOWN_ID}`);
    expect(response.status).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(response.headers['x-amzn-requestid']).toMatch(UUID);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.text)).toEqual({
      message: `Membership ${UNKNOWN_ID} not found`,
      resourceId: UNKNOWN_ID,
      resourceType: 'MEMBERSHIP',
    });

    const invalid = await raw('/memberships?maxResults=0');
    expect(invalid.status).toBe(400);
    expect(invalid.headers['x-amzn-errortype']).toBe('ValidationException');
    // No extra top-level keys: each one would become a property of the SDK exception.
    expect(Object.keys(JSON.parse(invalid.text)).sort()).toEqual([
      'fieldList',
      'message',
      'reason',
    ]);
  });

  it('sets $metadata.requestId from x-amzn-RequestId on success and on error, unique per request', async () => {
    const ok = await acme.send(new ListMembershipsCommand({}));
    const again = await acme.send(new ListMembershipsCommand({}));
    expect(ok.$metadata.requestId).toMatch(UUID);
    expect(again.$metadata.requestId).toMatch(UUID);
    expect(again.$metadata.requestId).not.toBe(ok.$metadata.requestId);
    const error = await expectAwsError(
      acme.send(new GetMembershipCommand({ membershipIdentifier: UNKNOWN_ID })),
      ResourceNotFoundException,
      404,
    );
    expect(error.$metadata.requestId).not.toBe(ok.$metadata.requestId);

    const response = await raw('/memberships');
    expect(response.headers['x-amzn-requestid']).toMatch(UUID);
  });

  it('answers 204 with an empty body for deletes', async () => {
    const response = await raw(`/memberships/${DEMO_IDS.acmeLoyaltyMembership}`, ACME, 'DELETE');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers['x-amzn-requestid']).toMatch(UUID);
  });

  it('routes on the raw path and decodes each segment: %2F inside an ARN label is data, / is a separator', async () => {
    const { membership } = await acme.send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
    );
    const arn = membership?.arn as string;
    const viaSdk = await acme.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    expect(viaSdk.tags).toEqual({ team: 'ads', 'cost-center': '42' });

    const encoded = await raw(`/tags/${encodeURIComponent(arn)}`);
    expect(JSON.parse(encoded.text)).toEqual({ tags: viaSdk.tags });
    // `:` needs no encoding inside a segment; `/` does.
    const colonsRaw = await raw(`/tags/${arn.replace('/', '%2F')}`);
    expect(colonsRaw.status).toBe(200);
    expect(JSON.parse(colonsRaw.text)).toEqual({ tags: viaSdk.tags });
    const slashRaw = await raw(`/tags/${arn}`);
    expect(slashRaw.status).toBe(404);
    expect(slashRaw.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });

  it('writes tagged unions as { s3: {...} }, which the SDK parses to an s3 member (not $unknown)', async () => {
    const response = await raw(`/memberships/${DEMO_IDS.acmeRetailMembership}`);
    const { membership } = JSON.parse(response.text) as {
      membership: {
        defaultResultConfiguration: { outputConfiguration: Record<string, unknown> };
        defaultJobResultConfiguration: { outputConfiguration: Record<string, unknown> };
      };
    };
    expect(Object.keys(membership.defaultResultConfiguration.outputConfiguration)).toEqual(['s3']);
    expect(Object.keys(membership.defaultJobResultConfiguration.outputConfiguration)).toEqual([
      's3',
    ]);

    const { membership: viaSdk } = await acme.send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
    );
    expect(viaSdk?.defaultResultConfiguration?.outputConfiguration).toEqual({
      s3: {
        resultFormat: 'PARQUET',
        bucket: 'acme-query-results',
        keyPrefix: 'retail/',
        singleFileOutput: true,
      },
    });
    expect(viaSdk?.defaultJobResultConfiguration?.outputConfiguration).toEqual({
      s3: { bucket: 'acme-job-results', keyPrefix: 'jobs/' },
    });
  });

  it('reads the account from the access key id and the region from the signing scope', async () => {
    const other = httpClient(running.url, 'AKIDEXAMPLE', { region: 'ap-southeast-2' });
    const own = await other.send(
      new CreateCollaborationCommand(collaborationInput({ name: 'default account' })),
    );
    other.destroy();
    expect(own.collaboration?.creatorAccountId).toBe('123456789012');
    expect(own.collaboration?.arn).toBe(
      `arn:aws:cleanrooms:ap-southeast-2:123456789012:collaboration/${own.collaboration?.id}`,
    );
    // The default account is Acme in the demo data: it sees Acme's memberships.
    const { membershipSummaries } = await acme.send(new ListMembershipsCommand({}));
    expect(membershipSummaries?.map((m) => m.id)).toContain(DEMO_IDS.acmeRetailMembership);
  });
});
