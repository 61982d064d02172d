/**
 * What operators see: `GET /metrics` in Prometheus text with the families the README lists,
 * filled by a few requests, and one JSON log line per operation that names it, its outcome,
 * duration and AWS calls — never a variable value or a token.
 */
import { capturingLogger, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS } from '../../helpers/gateway-expect';
import {
  jwtEnv,
  startIdentityProvider,
  type IdentityProvider,
} from '../../helpers/identity-provider';

let idp: IdentityProvider;
let gw: TestGateway;
const logs = capturingLogger();

beforeAll(async () => {
  idp = await startIdentityProvider();
  gw = await startTestGateway({
    env: jwtEnv(idp),
    logger: logs.logger,
  });
});
afterAll(async () => {
  await gw.close();
  await idp.close();
});

async function as(scope: string, query: string, variables?: Record<string, unknown>) {
  const token = await idp.mint({ scope, sub: 'ops-test' });
  return gw.gql(query, variables, {
    authorization: `Bearer ${token}`,
    'apollographql-client-name': 'dashboards',
  });
}

describe('GET /metrics', () => {
  let text: string;
  beforeAll(async () => {
    await as(
      'cleanrooms:read',
      'query ListThem { memberships(first: 2) { nodes { id queryLogStatus } } }',
    );
    await as('cleanrooms:read', `query One($id: ID!) { membership(id: $id) { id } }`, {
      id: IDS.unknownMembership,
    });
    await as(
      'cleanrooms:read',
      'mutation Nope { deleteMembership(id: "' + IDS.acmeBrandLiftMembership + '") }',
    );
    await as('cleanrooms:read', `{ ${'a: __typename '.repeat(1)} m { x } }`);
    await gw.gql('{ __typename }');
    const response = await fetch(gw.url.replace(/\/graphql$/, '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    text = await response.text();
  });

  it.each([
    [
      'graphql_operations_total',
      /graphql_operations_total\{operation_name="ListThem",operation_type="query",outcome="ok"\} 1/,
    ],
    [
      'graphql_operation_duration_seconds',
      /graphql_operation_duration_seconds_bucket\{le="[\d.]+",operation_type="query",outcome="ok"\}/,
    ],
    [
      'aws_calls_total',
      /aws_calls_total\{operation="GetMembership",outcome="ResourceNotFoundException"\} 1/,
    ],
    [
      'aws_call_duration_seconds',
      /aws_call_duration_seconds_count\{operation="ListMemberships",outcome="ok"\} 1/,
    ],
    ['graphql_limit_refusals_total', /# TYPE graphql_limit_refusals_total counter/],
    ['auth_failures_total', /auth_failures_total\{reason="missing_token"\} 1/],
    [
      'authorization_denials_total',
      /authorization_denials_total\{field="Mutation.deleteMembership"\} 1/,
    ],
    ['process metrics', /process_cpu_user_seconds_total \d/],
  ])('has %s', (_name, pattern) => {
    expect(text).toMatch(pattern);
  });

  it('counts a refused or failed operation by its outcome', () => {
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="One",operation_type="query",outcome="partial"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="Nope",operation_type="mutation",outcome="error"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="anonymous",operation_type="unknown",outcome="refused"\} 1/,
    );
  });
});

describe('one log line per operation', () => {
  it('names the operation, client, subject, outcome, duration and AWS calls, and no variable value', async () => {
    const secretish = 'e0000000-0000-4000-8000-00000000abcd';
    const response = await as(
      'cleanrooms:read',
      'query Lookup($id: ID!) { membership(id: $id) { id } }',
      {
        id: secretish,
      },
    );
    expect(response.status).toBe(200);
    const lines = logs.lines.filter(
      (l) => l.msg === 'graphql operation' && l.operationName === 'Lookup',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      operationName: 'Lookup',
      operationType: 'query',
      outcome: 'partial',
      awsCalls: 1,
      estimatedAwsCalls: 1,
      errorCodes: ['NOT_FOUND'],
      subject: 'ops-test',
      clientName: 'dashboards',
      durationMs: expect.any(Number),
      requestId: expect.any(String),
    });
    const everything = JSON.stringify(logs.lines);
    expect(everything).not.toContain(secretish);
    expect(everything).not.toMatch(/eyJ[\w-]{10,}\./);
  });
});
