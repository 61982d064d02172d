/**
 * Demo ids and assertions shared by the gateway integration tests: the seeded memberships and
 * collaborations by name, and checks that an error response has the contract's shape (a code
 * of the README's error table, no stack trace, no account id inside an ARN).
 */
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../src/emulator/seed';
import type { GraphQLBody, TestGateway } from './gateway';

/** The gateway's caller (the embedded backend's credentials). */
export const ACME = DEMO_ACCOUNTS.acme;

export const IDS = {
  ...DEMO_IDS,
  /** Northwind's own membership in Retail media measurement (not readable by Acme). */
  northwindRetailMembership: 'e0000000-0000-4000-8000-000000000001',
  /** Fabrikam's membership in the ML pilot. */
  fabrikamPilotMembership: 'e0000000-0000-4000-8000-000000000009',
  /** Well-formed ids that exist nowhere. */
  unknownMembership: 'e0000000-0000-4000-8000-0000000000ff',
  unknownCollaboration: 'c0000000-0000-4000-8000-0000000000ff',
} as const;

type GraphQLErrorBody = NonNullable<GraphQLBody<unknown>['errors']>[number];

/** Every error: no stack trace, and no 12-digit account inside an ARN. */
export function expectSafeErrors(body: GraphQLBody<unknown>): void {
  for (const error of body.errors ?? []) {
    expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
    expect(error.extensions?.exception).toBeUndefined();
    expect(error.message).not.toMatch(/arn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}/);
    expect(JSON.stringify(error.extensions ?? {})).not.toMatch(
      /arn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}/,
    );
  }
}

/** The only error of the response (fails when there are none or several). */
export function onlyError(body: GraphQLBody<unknown>): GraphQLErrorBody {
  expectSafeErrors(body);
  expect(body.errors).toHaveLength(1);
  return (body.errors ?? [])[0] as GraphQLErrorBody;
}

/** `extensions.fields` paths of a BAD_USER_INPUT error. */
export function fieldPaths(error: GraphQLErrorBody): string[] {
  const fields = error.extensions?.fields as Array<{ path: string; message: string }> | undefined;
  return (fields ?? []).map((f) => f.path);
}

/** `extensions.cost` of a response. */
export interface ResponseCost {
  estimatedAwsCalls: number;
  awsCalls: number;
  cacheHits: number;
}

/**
 * Runs one operation with the call counters zeroed first: its body (whose errors must be safe),
 * its data, the AWS calls it made by operation, and its cost extension.
 */
export async function runOperation<T = Record<string, unknown>>(
  gw: TestGateway,
  query: string,
  variables?: Record<string, unknown>,
) {
  gw.resetCalls();
  const { status, body } = await gw.gql<T>(query, variables);
  expectSafeErrors(body);
  const cost = (body as GraphQLBody<T> & { extensions?: { cost?: ResponseCost } }).extensions?.cost;
  return { status, body, data: body.data as T, calls: gw.calls(), cost };
}
